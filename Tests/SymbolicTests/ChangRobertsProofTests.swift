import Specs
import Testing

/// The shipped inductive invariant of Chang–Roberts: the unique leader and agreement at end with
/// their five lemmas are 0-inductive, at the defaults and for another size and ring order; the
/// forward-smaller variant carries no lemmas.
@Suite struct ChangRobertsProofTests {
    @Test(arguments: [[String: Int](), ["N": 5, "ORDER": 0]])
    func leaderAndAgreementAreProved(parameters: [String: Int]) throws {
        try ShippedProof.expectProved(ChangRoberts.correct, parameters,
                                      invariants: ["unique leader", "agreement at end"], lemmas: 5)
    }

    @Test func forwardSmallerVariantHasNoLemmasAndIsNotProved() throws {
        try ShippedProof.expectNotInductive(ChangRoberts.forwardSmaller, failing: "unique leader")
    }
}
