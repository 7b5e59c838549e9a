import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Testing

/// BMC's initial condition is the explorer's set of initial states: on random specs whose
/// variables start at a choice (filtered by an initial condition), every property's first
/// violation is found at the explorer's shortest length, from an initial state the explorer
/// accepts (the counterexample replays), and BMC finds nothing where the explorer proves the
/// property within the depth.
@Suite struct InitialStateSetBMCTests {
    static let depth = 4

    @Test func bmcAgreesWithTheExplorerOnRandomSpecsWithInitialChoices() throws {
        var compared = 0, violations = 0, atStart = 0
        for seed in UInt64(1)...80 {
            var random = SplitMix(seed: seed)
            var spec = RandomSpecs.make(&random, initialChoices: true)
            spec.name = "random seed \(seed)"
            for (ir, deadlock) in RandomSpecStepOrderTests.properties(of: spec) {
                var options = SearchOptions(partialOrder: false)
                options.maxStates = 5_000
                options.checkDeadlock = deadlock
                let explorer = try BreadthFirstSearch(ir, options: options).run()
                let result = try BoundedModelChecker(ir, checkDeadlock: deadlock).run(depth: Self.depth)
                let property = ir.invariants.first?.name ?? "deadlock"
                switch (explorer.verdict, result.verdict) {
                case (.violated(let shortest), .violated(let found)) where shortest.trace.length <= Self.depth:
                    #expect(found.trace.length == shortest.trace.length, "seed \(seed), \(property)")
                    #expect(try TraceReplay(ir).replay(found.trace) == .replays, "seed \(seed), \(property)")
                    violations += 1
                    if shortest.trace.length == 0 { atStart += 1 }
                case (.violated(let shortest), let other):
                    #expect(shortest.trace.length > Self.depth, "seed \(seed), \(property): explorer \(shortest.trace.length) steps, BMC \(other)")
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
        #expect(atStart > 5, "\(atStart)")
    }
}
