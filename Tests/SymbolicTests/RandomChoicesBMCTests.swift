import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Verification
import Testing

/// BMC against the explorer on random specs with an action choosing two values
/// (`RandomSpecs.withChoices`): each property's first violation within the depth has the
/// explorer's shortest length, and BMC's instances count every pair of values.
@Suite struct RandomChoicesBMCTests {
    @Test func bmcFindsViolationsAtTheExplorersLengthWithTwoChoices() throws {
        var violations = 0
        for seed in UInt64(1)...60 {
            var random = SplitMix(seed: seed)
            var (spec, byHand) = RandomSpecs.withChoices(RandomSpecs.make(&random), &random)
            spec.name = "random seed \(seed)"
            for (ir, deadlock) in RandomSpecStepOrderTests.properties(of: spec) {
                let (found, _) = try RandomSpecStepOrderTests.bmc(ir, deadlock: deadlock, reduction: true)
                var options = SearchOptions(partialOrder: false)
                options.maxStates = 5_000
                options.checkDeadlock = deadlock
                let explored = try BreadthFirstSearch(ir, options: options).run().verdict
                guard case .violated(let shortest) = explored, shortest.trace.length <= RandomSpecStepOrderTests.depth else { continue }
                #expect(found == .violated(length: shortest.trace.length), "seed \(seed): BMC \(found), explorer \(shortest.trace.length)")
                violations += 1
            }
            let instances = try BoundedModelChecker(spec).run(depth: 0).statistics.instances
            let handWritten = try BoundedModelChecker(byHand).run(depth: 0).statistics.instances
            #expect(instances == handWritten, "seed \(seed)")
        }
        // Fixed by the seeds: the properties violated within the depth.
        #expect(violations == 47)
    }
}
