import Kripke
import Specs
import Symbolic
import Testing

/// The shipped inductive invariant of Chang–Roberts: the unique leader and agreement at end with
/// their five lemmas are 0-inductive, at the defaults and for another size and ring order; the
/// forward-smaller variant carries no lemmas.
@Suite struct ChangRobertsProofTests {
    @Test(arguments: [[String: Int](), ["N": 5, "ORDER": 0]])
    func leaderAndAgreementAreProved(parameters: [String: Int]) throws {
        let result = try KInduction(ChangRoberts.correct.instantiate(parameters)).run(maxK: 1)
        guard case .proved(0) = result.verdict else {
            Issue.record("unique leader and agreement with their lemmas are 0-inductive: \(result.verdict)")
            return
        }
        #expect(result.consecution.count == 7)
        #expect(result.consecution.allSatisfy { $0.holds })
        #expect(result.consecution.filter(\.isLemma).count == 5)
        #expect(result.consecution.filter { !$0.isLemma }.map(\.property) == ["unique leader", "agreement at end"])
    }

    @Test func forwardSmallerVariantHasNoLemmas() throws {
        let result = try KInduction(ChangRoberts.forwardSmaller.instantiate()).run(maxK: 0)
        #expect(result.consecution.allSatisfy { !$0.isLemma })
        if case .proved = result.verdict { Issue.record("the forward-smaller variant is wrong: \(result.verdict)") }
    }
}
