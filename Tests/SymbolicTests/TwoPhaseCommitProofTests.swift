import Specs
import Testing

/// The shipped inductive invariant of two-phase commit: atomic commitment with its four lemmas is
/// 0-inductive, for several sizes; without the lemmas (the majority variant carries none) the step
/// case fails.
@Suite struct TwoPhaseCommitProofTests {
    @Test(arguments: [3, 2, 5])
    func atomicCommitmentIsProved(n: Int) throws {
        try ShippedProof.expectProved(TwoPhaseCommit.correct, ["N": n],
                                      invariants: ["atomic commitment", "commit only when decided"], lemmas: 4)
    }

    @Test func majorityVariantHasNoLemmasAndIsNotProved() throws {
        try ShippedProof.expectNotInductive(TwoPhaseCommit.majority, failing: "atomic commitment")
    }
}
