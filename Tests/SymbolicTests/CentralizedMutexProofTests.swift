import Specs
import Testing

/// The shipped inductive invariant of centralized mutual exclusion: mutual exclusion with its five
/// lemmas is 0-inductive, for several sizes; the blind-grant variant carries no lemmas.
@Suite struct CentralizedMutexProofTests {
    @Test(arguments: [[String: Int](), ["N": 4, "R": 3]])
    func mutualExclusionIsProved(parameters: [String: Int]) throws {
        try ShippedProof.expectProved(CentralizedMutex.correct, parameters, invariants: ["mutual exclusion"], lemmas: 5)
    }

    @Test func blindGrantVariantHasNoLemmasAndIsNotProved() throws {
        try ShippedProof.expectNotInductive(CentralizedMutex.blindGrant, failing: "mutual exclusion")
    }
}
