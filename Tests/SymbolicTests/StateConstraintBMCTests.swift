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
        var compared = 0, violations = 0, cutOff = 0
        for seed in UInt64(1)...80 {
            var random = SplitMix(seed: seed)
            var spec = RandomSpecs.make(&random, constraint: true)
            spec.name = "random seed \(seed)"
            for (ir, deadlock) in RandomSpecStepOrderTests.properties(of: spec) {
                var options = SearchOptions(partialOrder: false)
                options.maxStates = 5_000
                options.checkDeadlock = deadlock
                let explorer = try BreadthFirstSearch(ir, options: options).run()
                if explorer.statistics.constrainedStates > 0 { cutOff += 1 }
                let result = try BoundedModelChecker(ir, checkDeadlock: deadlock).run(depth: 4)
                let property = ir.invariants.first?.name ?? "deadlock"
                switch (explorer.verdict, result.verdict) {
                case (.violated(let shortest), .violated(let found)) where shortest.trace.length <= 4:
                    #expect(found.trace.length == shortest.trace.length, "seed \(seed), \(property)")
                    #expect(try TraceReplay(ir).replay(found.trace) == .replays, "seed \(seed), \(property)")
                    violations += 1
                case (.violated(let shortest), let other):
                    #expect(shortest.trace.length > 4, "seed \(seed), \(property): explorer \(shortest.trace.length) steps, BMC \(other)")
                case (.holds, let other):
                    if case .violated = other { Issue.record("seed \(seed), \(property): explorer holds, BMC violated") }
                default:
                    continue
                }
                compared += 1
            }
        }
        #expect(compared > 100, "\(compared)")
        #expect(violations > 40, "\(violations)")
        #expect(cutOff > 50, "\(cutOff)")
    }
}
