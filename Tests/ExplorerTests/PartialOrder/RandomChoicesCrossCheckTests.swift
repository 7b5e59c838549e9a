@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// Actions choosing two values on random specs (`RandomSpecs.withChoices`): the full search finds
/// exactly the states and transitions of the same spec written with one action per pair of
/// values (where it ends within the state limit: at the limit, which states were stored depends
/// on the order of the actions), and partial-order reduction keeps every property's verdict.
@Suite struct RandomChoicesCrossCheckTests {
    static func full(_ ir: SpecIR) throws -> CheckResult {
        var options = SearchOptions(partialOrder: false)
        options.checkDeadlock = false
        options.maxStates = 1_500
        var withoutInvariants = ir
        withoutInvariants.invariants = []
        return try BreadthFirstSearch(withoutInvariants, options: options).run()
    }

    @Test func twoChoicesExploreLikeOneActionPerPair() throws {
        var compared = 0
        for seed in UInt64(1)...200 {
            var random = SplitMix(seed: seed)
            let (choosing, byHand) = RandomSpecs.withChoices(RandomSpecs.make(&random), &random)
            let chosen = try Self.full(choosing), written = try Self.full(byHand)
            let limited = [chosen, written].contains { result in
                if case .incomplete(let reason) = result.verdict { reason.hasPrefix("state limit") } else { false }
            }
            #expect(limited || chosen.statistics.states < 1_500, "seed \(seed)")
            guard !limited else { continue }
            #expect(chosen.statistics.states == written.statistics.states, "seed \(seed)")
            #expect(chosen.statistics.transitions == written.statistics.transitions, "seed \(seed)")
            #expect(chosen.verdict == written.verdict, "seed \(seed)")
            compared += 1
        }
        // Fixed by the seeds: the specs whose search ends within the limit.
        #expect(compared == 169)
    }

    @Test func reductionAgreesWithFullSearchOnTwoChoices() throws {
        var compared = 0
        for seed in UInt64(1)...100 {
            var random = SplitMix(seed: seed)
            let (ir, _) = RandomSpecs.withChoices(RandomSpecs.make(&random), &random)
            for (single, deadlock) in RandomSpecCrossCheckTests.properties(of: ir) {
                try RandomSpecCrossCheckTests.expectAgreement(single, deadlock: deadlock, seed: seed)
                compared += 1
            }
        }
        #expect(compared > 200)
    }
}
