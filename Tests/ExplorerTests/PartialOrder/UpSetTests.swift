import Explorer
import Kripke
import Testing

/// Up-sets (`ViolationUpSets`): which steps every run to a violation must take, read off the
/// invariants' structure and the steps' directions.
@Suite struct UpSetTests {
    /// In `Count(i: inside[i]) ≤ 1` only entering can add a process to the count: leaving is in
    /// no up-set (it can only lower its leaf), entering in no down-set.
    @Test func leavingCannotBreakMutualExclusion() throws {
        let ir = try ReductionRuleTests.leaveIsVisible.instantiate()
        let relation = DependencyRelation(ir, invariants: ir.invariants.map(\.condition))
        let upSets = relation.upSets
        #expect(upSets.roots.count == 1)
        #expect(upSets.nodes[Int(upSets.roots[0])].kind == .atMost(1))
        #expect(upSets.leaves.count == 2)
        for process in 0..<2 {
            let leave = Int32(relation.local(action: 0, process: process, choice: 0))
            let enter = Int32(relation.local(action: 1, process: process, choice: 0))
            #expect(upSets.leaves[process].raisers == [enter])
            #expect(upSets.leaves[process].lowerers == [leave])
        }
    }

    /// Four independent counters and an invariant on the first: only p0's increment can break it,
    /// so each state keeps that one step and the violation is three steps from the start after 4
    /// states, where the full search stores the 15 states of the first three levels first.
    static let firstCounterBelowThree = SpecDefinition(
        name: "first-counter-below-three", summary: "independent counters, one watched", parameters: [],
        expectation: .violated
    ) { s in
        let procs = s.processes("p", count: 4)
        let value = s.variable("value", per: procs, in: .range(0...3), initial: 0)
        s.action("increment", for: procs) { i in
            Require(value[i] < 3)
            value[i] <- value[i] + 1
        }
        s.invariant("p0 below 3", value[procs.process(0)] < 3)
        s.validEndState(true)
    }

    @Test func theUpSetLeadsStraightToTheViolation() throws {
        let (reduced, full) = try ReductionRuleTests.verdicts(Self.firstCounterBelowThree)
        guard case .violated(let found) = reduced.verdict, case .violated(let shortest) = full.verdict else {
            Issue.record("expected violations: \(reduced.verdict), \(full.verdict)")
            return
        }
        #expect(found.trace.length == 3)
        #expect(shortest.trace.length == 3)
        #expect(reduced.statistics.states == 4)
        #expect(full.statistics.states == 16)
        #expect(reduced.statistics.partialOrder?.provisoExpansions == 0)
    }
}
