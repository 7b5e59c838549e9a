import Kripke
import Specs
import Symbolic
import Testing

/// The shipped inductive invariant of the token ring: mutual exclusion with its two lemmas (one
/// token exists; only its holder is critical) is 0-inductive, for several sizes; the regenerate
/// variant carries no lemmas and its step case fails.
@Suite struct TokenRingProofTests {
    @Test(arguments: [3, 5])
    func mutualExclusionIsProved(n: Int) throws {
        let result = try KInduction(TokenRing.correct.instantiate(["N": n])).run(maxK: 1)
        guard case .proved(0) = result.verdict else {
            Issue.record("mutual exclusion with its lemmas is 0-inductive: \(result.verdict)")
            return
        }
        #expect(result.consecution.count == 3)
        #expect(result.consecution.allSatisfy { $0.holds })
        let mutex = try #require(result.consecution.first)
        #expect(mutex.property == "mutual exclusion" && !mutex.isLemma)
        #expect(result.consecution.filter(\.isLemma).count == 2)
    }

    @Test func regenerateVariantHasNoLemmasAndIsNotProved() throws {
        let result = try KInduction(TokenRing.regenerate.instantiate()).run(maxK: 0)
        #expect(result.consecution.allSatisfy { !$0.isLemma })
        guard case .notInductive(0, "mutual exclusion", let cti) = result.verdict else {
            Issue.record("the regenerate variant has no lemmas: \(result.verdict)")
            return
        }
        #expect(cti.steps.count == 1)
    }
}
