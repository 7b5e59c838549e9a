import Kripke
import Specs
import Symbolic
import Verification
import Testing

/// k-induction verdicts: a bounded counter is proved, the tie bug is violated (by the base case,
/// replayed), and mutual exclusion without lemmas (the tie-bug variant at small k) is not inductive (a CTI).
@Suite struct KInductionTests {
    static let bounded = SpecDefinition(name: "bounded", summary: "x never passes 2", parameters: [],
                                        expectation: .holds) { s in
        let p = s.process("p")
        let x = s.global("x", in: .range(0...3), initial: 0)
        s.action("step", for: p) { _ in
            Require(x < 2)
            x <- x + 1
        }
        s.invariant("x at most 2", x <= 2)
    }

    @Test func inductiveInvariantIsProvedAtKZero() throws {
        let result = try KInduction(Self.bounded.instantiate()).run(maxK: 3)
        guard case .proved(let k) = result.verdict else {
            Issue.record("x ≤ 2 is inductive: x < 2 guards every increment")
            return
        }
        #expect(k == 0)
    }

    @Test func tieBugIsViolatedByTheBaseCase() throws {
        let ir = try RicartAgrawala.tieBug.instantiate(["N": 2])
        guard case .violated(let counterexample) = try KInduction(ir).run(maxK: 8).verdict else {
            Issue.record("the tie bug must be found by the base case")
            return
        }
        #expect(counterexample.trace.length == 8)
    }

    /// The tie-bug variant carries no lemmas; its bug is 8 steps deep, beyond the base case at k ≤ 2.
    @Test func mutualExclusionAloneIsNotInductive() throws {
        let ir = try RicartAgrawala.tieBug.instantiate(["N": 2])
        guard case .notInductive(let k, let invariant, let cti) = try KInduction(ir).run(maxK: 2).verdict else {
            Issue.record("mutual exclusion needs lemmas to be inductive")
            return
        }
        #expect(k == 2)
        #expect(invariant == "mutual exclusion")
        #expect(cti.length == 3)
    }
}
