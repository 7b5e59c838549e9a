@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// Partial-order reduction keeps assertion violations: over random specs whose only property is an
/// `Assert` in one action (`RandomSpecs.withAssertion`), the reduced search gives the full
/// search's verdict (with `RandomSpecCrossCheckTests`' allowance for a full network), names the
/// same assertion, and its counterexample replays.
@Suite struct RandomAssertionCrossCheckTests {
    @Test func reductionKeepsAssertionViolations() throws {
        var compared = 0, violated = 0, reducedSomething = 0
        for seed in UInt64(1)...600 {
            var random = SplitMix(seed: seed)
            let ir = RandomSpecs.withAssertion(RandomSpecs.make(&random), &random)
            let full = try RandomSpecCrossCheckTests.outcome(ir, deadlock: false, partialOrder: false)
            let reduced = try RandomSpecCrossCheckTests.outcome(ir, deadlock: false, partialOrder: true)
            #expect(RandomSpecCrossCheckTests.agrees(reduced: reduced, full: full), "seed \(seed): reduced \(reduced), full \(full)")
            compared += 1
            var options = SearchOptions()
            options.checkDeadlock = false
            options.maxStates = 1_500
            let result = try BreadthFirstSearch(ir, options: options).run()
            if let por = result.statistics.partialOrder, por.reducedStates > 0 { reducedSomething += 1 }
            if case .violated(let violation) = result.verdict {
                violated += 1
                #expect(violation.kind == .assertion(ir.assertions[0].message), "seed \(seed)")
                #expect(try TraceReplay(ir).replay(violation.trace) == .replays, "seed \(seed)")
            }
        }
        #expect(compared == 600)
        // Both verdicts occur (the count is the specs' semantics, fixed by the seeds), and the
        // reduction still reduces around assertions (141 specs when this was written).
        #expect(violated == 128)
        #expect(reducedSomething > 100)
    }
}
