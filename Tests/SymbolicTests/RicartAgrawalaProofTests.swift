import Kripke
import Specs
import Symbolic
import Verification
import Testing

/// The shipped inductive invariant of Ricart–Agrawala: mutual exclusion with its eight lemmas is
/// 0-inductive, for several sizes and several rounds per process; without the lemmas (the tie-bug
/// variant carries none) the step case fails.
@Suite struct RicartAgrawalaProofTests {
    @Test(arguments: [["N": 3, "R": 1], ["N": 2, "R": 2], ["N": 4, "R": 1]])
    func mutualExclusionIsProved(parameters: [String: Int]) throws {
        try ShippedProof.expectProved(RicartAgrawala.correct, parameters, invariants: ["mutual exclusion"], lemmas: 8)
    }

    /// With minimal cores, the proof of mutual exclusion names exactly the argument: N − 1 replies
    /// mean every permission, and permission goes to the earlier request.
    @Test func minimalCoresNameTheArgument() throws {
        let result = try KInduction(RicartAgrawala.correct.instantiate(["N": 2])).run(maxK: 0, minimalCores: true)
        guard case .proved(0) = result.verdict else {
            Issue.record("proved at k = 0: \(result.verdict)")
            return
        }
        #expect(result.consecution.first?.uses == ["replies count the permissions received",
                                                    "a process in the critical section has every reply",
                                                    "permission goes to the earlier request"])
    }

    @Test func withoutLemmasTheStepCaseFails() throws {
        try ShippedProof.expectNotInductive(RicartAgrawala.tieBug, failing: "mutual exclusion")
    }
}
