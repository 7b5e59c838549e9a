import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Verification
import Testing

/// BMC against the explorer on random specs whose only property is an `Assert`
/// (`RandomSpecs.withAssertion`): where the explorer finds the assertion violated within the
/// depth, BMC (with and without its step order) finds it at the same length, and its run replays.
@Suite struct RandomAssertionBMCTests {
    static let depth = 5

    @Test func bmcFindsAssertionViolationsAtTheExplorersLength() throws {
        var compared = 0
        for seed in UInt64(1)...300 {
            var random = SplitMix(seed: seed)
            var ir = RandomSpecs.withAssertion(RandomSpecs.make(&random), &random)
            ir.name = "random seed \(seed)"
            var options = SearchOptions(partialOrder: false)
            options.maxStates = 5_000
            options.checkDeadlock = false
            guard case .violated(let shortest) = try BreadthFirstSearch(ir, options: options).run().verdict,
                  shortest.trace.length <= Self.depth else { continue }
            for stepOrder in [true, false] {
                var checker = BoundedModelChecker(ir, checkDeadlock: false)
                checker.partialOrderReduction = stepOrder
                guard case .violated(let counterexample) = try checker.run(depth: Self.depth).verdict else {
                    Issue.record("seed \(seed): BMC misses the assertion the explorer finds in \(shortest.trace.length) steps")
                    continue
                }
                #expect(counterexample.property == .assertion(ir.assertions[0].message), "seed \(seed)")
                #expect(counterexample.trace.length == shortest.trace.length, "seed \(seed), step order \(stepOrder)")
                #expect(try TraceReplay(ir).replay(counterexample.trace) == .replays, "seed \(seed)")
            }
            compared += 1
        }
        // The number of violations within the depth is the specs' semantics, fixed by the seeds.
        #expect(compared == 60)
    }
}
