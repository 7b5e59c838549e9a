import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Testing

/// BMC and k-induction read state constraints as the explorer does: only a state inside them
/// takes a step, deadlocks or overflows; a state outside is still checked.
@Suite struct StateConstraintBMCTests {
    /// The clocks reach a sum of 7 at the boundary after 7 ticks, as in the explorer; below 8
    /// nothing fails however deep BMC looks (no tick out of the domain, no deadlock at the bound).
    @Test func bmcStopsAtTheConstraintLikeTheExplorer() throws {
        guard case .violated(let found) = try BoundedModelChecker(ConstraintSpecs.clocks(sumBelow: 7)).run(depth: 9).verdict else {
            Issue.record("expected a violation")
            return
        }
        #expect(found.trace.length == 7)
        #expect(found.property == .invariant("sum below 7"))
        guard case .holdsToDepth(10) = try BoundedModelChecker(ConstraintSpecs.clocks(sumBelow: 8)).run(depth: 10).verdict else {
            Issue.record("expected nothing to fail up to depth 10")
            return
        }
    }

    /// The step case assumes the constraint in every state that takes a step: a sum below 8 is
    /// then 0-inductive (from clocks ≤ 3, one tick reaches at most 7).
    @Test func kInductionAssumesTheConstraintBeforeEachStep() throws {
        guard case .proved(k: 0) = try KInduction(ConstraintSpecs.clocks(sumBelow: 8)).run(maxK: 0).verdict else {
            Issue.record("expected a proof at k = 0")
            return
        }
    }

    @Test func boundedLivenessSaysItDoesNotHandleConstraints() throws {
        #expect(throws: SymbolicError.self) { try BoundedLivenessChecker(ConstraintSpecs.clocks()).run(depth: 3) }
    }

    /// Random specs with a random constraint: every property's first violation within the
    /// depth is at the explorer's length and replays; BMC finds none where the explorer proves it.
    @Test func bmcAgreesWithTheExplorerOnRandomSpecsWithConstraints() throws {
        let tally = try ExplorerAgreement.compare(seeds: 1...80, depth: 4) { RandomSpecs.make(&$0, constraint: true) }
        #expect(tally.compared > 100, "\(tally.compared)")
        #expect(tally.violations > 40, "\(tally.violations)")
        #expect(tally.cutOff > 50, "\(tally.cutOff)")
    }
}
