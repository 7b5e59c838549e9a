import Kripke
import Specs
import Symbolic
import Testing

/// The shipped inductive invariant of two-phase commit: atomic commitment with its four lemmas is
/// 0-inductive, for several sizes; without the lemmas (the majority variant carries none) the step
/// case fails.
@Suite struct TwoPhaseCommitProofTests {
    @Test(arguments: [3, 2, 5])
    func atomicCommitmentIsProved(n: Int) throws {
        let result = try KInduction(TwoPhaseCommit.correct.instantiate(["N": n])).run(maxK: 1)
        guard case .proved(0) = result.verdict else {
            Issue.record("atomic commitment with its lemmas is 0-inductive: \(result.verdict)")
            return
        }
        #expect(result.consecution.count == 6)
        #expect(result.consecution.allSatisfy { $0.holds })
        let atomic = try #require(result.consecution.first)
        #expect(atomic.property == "atomic commitment" && !atomic.isLemma)
        #expect(result.consecution.filter(\.isLemma).count == 4)
    }

    @Test func majorityVariantHasNoLemmasAndIsNotProved() throws {
        let model = try TwoPhaseCommit.majority.instantiate()
        let result = try KInduction(model).run(maxK: 0)
        #expect(result.consecution.allSatisfy { !$0.isLemma })
        guard case .notInductive(0, "atomic commitment", let cti) = result.verdict else {
            Issue.record("the majority variant has no lemmas: \(result.verdict)")
            return
        }
        #expect(cti.steps.count == 1)
    }
}
