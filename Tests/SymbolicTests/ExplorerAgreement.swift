import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Testing

/// BMC against the explorer on random specs, one property at a time: a violation within the
/// depth is found at the explorer's shortest length and replays; nothing is found where the
/// explorer proves the property.
enum ExplorerAgreement {
    struct Tally {
        var compared = 0
        /// Violations within the depth, and how many of them at the initial state (length 0).
        var violations = 0
        var atStart = 0
        /// Properties whose search stored states outside the state constraints.
        var cutOff = 0
    }

    static func compare(seeds: ClosedRange<UInt64>, depth: Int, _ make: (inout SplitMix) -> SpecIR) throws -> Tally {
        var tally = Tally()
        for seed in seeds {
            var random = SplitMix(seed: seed)
            var spec = make(&random)
            spec.name = "random seed \(seed)"
            for (ir, deadlock) in RandomSpecStepOrderTests.properties(of: spec) {
                var options = SearchOptions(partialOrder: false)
                options.maxStates = 5_000
                options.checkDeadlock = deadlock
                let explorer = try BreadthFirstSearch(ir, options: options).run()
                if explorer.statistics.constrainedStates > 0 { tally.cutOff += 1 }
                let result = try BoundedModelChecker(ir, checkDeadlock: deadlock).run(depth: depth)
                let property = "seed \(seed), \(ir.invariants.first?.name ?? "deadlock")"
                switch (explorer.verdict, result.verdict) {
                case (.violated(let shortest), .violated(let found)) where shortest.trace.length <= depth:
                    #expect(found.trace.length == shortest.trace.length, "\(property)")
                    #expect(try TraceReplay(ir).replay(found.trace) == .replays, "\(property)")
                    tally.violations += 1
                    if shortest.trace.length == 0 { tally.atStart += 1 }
                case (.violated(let shortest), let other):
                    #expect(shortest.trace.length > depth, "\(property): explorer \(shortest.trace.length) steps, BMC \(other)")
                case (.holds, let other):
                    if case .violated = other { Issue.record("\(property): explorer holds, BMC violated") }
                default:
                    continue
                }
                tally.compared += 1
            }
        }
        return tally
    }
}
