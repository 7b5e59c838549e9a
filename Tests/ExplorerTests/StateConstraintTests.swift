@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// State constraints with TLC's meaning: a state outside them is stored and checked, never
/// expanded — no successors, no deadlock, no modelling error beyond it — and partial-order
/// reduction steps aside (a reordered run could cross the boundary).
@Suite struct StateConstraintTests {
    private func search(_ ir: SpecIR, partialOrder: Bool = true) throws -> CheckResult {
        try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: partialOrder)).run()
    }

    /// Every (a, b) in 0...4² but (4, 4): 24 states, the 8 with a 4 outside; 16 × 2 = 32 ticks.
    @Test func statesOutsideAreStoredButNotExpanded() throws {
        let result = try search(ConstraintSpecs.clocks())
        guard case .holds = result.verdict else {
            Issue.record("expected holds (no deadlock at the boundary, no tick out of the domain): \(result.verdict)")
            return
        }
        #expect(result.statistics.states == 24)
        #expect(result.statistics.constrainedStates == 8)
        #expect(result.statistics.transitions == 32)
        #expect(result.statistics.depth == 7)
        #expect(result.statistics.partialOrder == nil)
    }

    /// Without the constraint the clocks tick past their domain: a modelling error.
    @Test func withoutTheConstraintTheModelBreaks() throws {
        #expect(throws: ModelFault.self) { try search(ConstraintSpecs.clocks(constrained: false)) }
    }

    /// A state outside the constraint is still checked: the shortest run to a sum of 7 ends there.
    @Test func statesOutsideAreCheckedAgainstTheInvariants() throws {
        let ir = try ConstraintSpecs.clocks(sumBelow: 7)
        guard case .violated(let violation) = try search(ir).verdict else {
            Issue.record("expected a violation")
            return
        }
        #expect(violation.kind == .invariant("sum below 7"))
        #expect(violation.trace.length == 7)
        #expect(violation.trace.states.last?["clock"]?.description == "[p0: 4, p1: 3]")
        #expect(try TraceReplay(ir).replay(violation.trace) == .replays)
        #expect(try search(ConstraintSpecs.clocks(sumBelow: 8)).verdict == .holds)
    }

    /// A run that goes on from a state outside the constraint is no run of the constrained spec.
    @Test func replayRejectsAStepBeyondTheConstraint() throws {
        var unbounded = try ConstraintSpecs.clocks(sumBelow: 5, constrained: false)
        unbounded.invariants = [InvariantDecl(name: "p0 below 5", condition: .binary(.lt, .variable(VariableID(index: 0), [.literal(0)]), .literal(5)),
                                              location: SourceLocation(file: "t", line: 1))]
        guard case .violated(let violation) = try search(unbounded, partialOrder: false).verdict else {
            Issue.record("expected p0 to reach 5")
            return
        }
        #expect(violation.trace.length == 5)
        #expect(try TraceReplay(ConstraintSpecs.clocks()).replay(violation.trace)
                == .mismatch(step: 5, reason: "state 4 is outside the state constraint 'clocks ≤ 3': the search does not expand it"))
    }

    /// Liveness: a state outside the constraint has no successors, so a run ends (stutters)
    /// there. Weakly fair ticks reach a 4 on every run; without fairness a run may stay put.
    @Test func livenessTreatsStatesOutsideAsEnds() throws {
        let fair = try LivenessChecker(ConstraintSpecs.clocks(fair: true)).run()
        #expect(fair.states == 24)
        #expect(fair.properties.allSatisfy { $0.lasso == nil })
        let unfair = try LivenessChecker(ConstraintSpecs.clocks()).run()
        #expect(unfair.properties.first?.lasso?.length == 0)
    }

    /// Random runs end at the boundary instead of ticking out of the domain (with fair ticks: an
    /// unfair run may stay put, and simulation reports that lasso — the next test).
    @Test func simulationEndsRunsAtTheBoundary() throws {
        var options = SimulationOptions(seed: 3)
        options.runs = 50
        let result = try RandomSimulation(ConstraintSpecs.clocks(fair: true), options: options).run()
        #expect(result.verdict == .noViolationFound)
        #expect(result.statistics.endedEarly == 50)
        #expect(result.statistics.longestRun <= 7)
    }

    /// Without fairness a run may stop in its first state, where no clock is 4: simulation finds
    /// that lasso (no cycle, the loop at the initial state), as the exhaustive checker does.
    @Test func simulationFindsTheUnfairStop() throws {
        let result = try RandomSimulation(ConstraintSpecs.clocks(), options: SimulationOptions(seed: 3)).run()
        guard case .livenessViolated(let property, _) = result.verdict else {
            Issue.record("expected a liveness violation, got \(result.verdict)")
            return
        }
        #expect(property.name == "a clock reaches 4")
        #expect(property.lasso?.length == 0)
        #expect(property.lasso?.loop == 0)
    }

    @Test func theConstraintIsValidatedAndPrinted() throws {
        let ir = try ConstraintSpecs.clocks()
        #expect(SpecPrinter(ir).render().contains("""
            state constraints (states outside are checked, not expanded):
              clocks ≤ 3: (for all j in p: clock[j] <= 3)
            """))
    }
}
