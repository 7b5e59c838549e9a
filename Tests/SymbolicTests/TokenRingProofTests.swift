import Specs
import Testing

/// The shipped inductive invariant of the token ring: mutual exclusion with its two lemmas (one
/// token exists; only its holder is critical) is 0-inductive, for several sizes; the regenerate
/// variant carries no lemmas and its step case fails.
@Suite struct TokenRingProofTests {
    @Test(arguments: [3, 5])
    func mutualExclusionIsProved(n: Int) throws {
        try ShippedProof.expectProved(TokenRing.correct, ["N": n], invariants: ["mutual exclusion"], lemmas: 2)
    }

    @Test func regenerateVariantHasNoLemmasAndIsNotProved() throws {
        try ShippedProof.expectNotInductive(TokenRing.regenerate, failing: "mutual exclusion")
    }
}
