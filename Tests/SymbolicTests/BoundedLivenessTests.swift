import Explorer
import Kripke
import KripkeTestSupport
import Specs
import Symbolic
import Testing
import Verification

/// Bounded liveness (lasso-shaped BMC) against the explorer's fair-cycle search: the same
/// verdicts where the bound suffices, lassos no longer than the explorer's, and every lasso
/// replays and closes.
@Suite(.serialized) struct BoundedLivenessTests {
    static func flicker(_ fire: Fairness?) -> SpecDefinition { LivenessSpecs.flicker(fire) }

    @Test func weakAndStrongFairnessAsTheExplorerSeesThem() throws {
        let weak = try BoundedLivenessChecker(try Self.flicker(.weak).instantiate()).run(depth: 4)
        let lasso = try #require(weak.first?.lasso)
        #expect(lasso.length == 2)
        #expect(lasso.loop == 0)
        #expect(lasso.steps.map(\.action) == ["toggle", "toggle"])
        let strong = try BoundedLivenessChecker(try Self.flicker(.strong).instantiate()).run(depth: 6)
        #expect(strong.first?.lasso == nil)
        var unfair = try Self.flicker(nil).instantiate()
        unfair.fairness = []
        let stops = try #require(try BoundedLivenessChecker(unfair).run(depth: 2).first?.lasso)
        #expect(stops.length == 0)
        #expect(stops.loop == 0)
    }

    /// Majority voting with one coordinator: a fair starving lasso exists; BMC's is the shortest,
    /// no longer than the explorer's 10 steps, and replays.
    @Test func majorityVotingStarvesWithinTenSteps() throws {
        let ir = try MajorityVoting.correct.instantiate(["K": 1])
        let explorer = try LivenessChecker(ir).run().properties.first { $0.lasso != nil }?.lasso
        #expect(explorer?.length == 10)
        let results = try BoundedLivenessChecker(ir).run(depth: 10)
        let found = try #require(results.first { $0.lasso != nil })
        #expect(found.name == "starvation freedom (client0)")
        let lasso = try #require(found.lasso)
        #expect(lasso.length <= (explorer?.length ?? 0))
        #expect(try TraceReplay(ir).replay(lasso) == .replays)
    }

    /// Paxos with duelling proposers, one acceptor: BMC finds a duel as long as the explorer's
    /// (3 steps, then a cycle of 8), and it replays.
    @Test func duellingProposersWithinElevenSteps() throws {
        let ir = try PaxosDuel.duelling.instantiate(["N": 1])
        let explorer = try #require(try LivenessChecker(ir).run().properties.first?.lasso)
        #expect(explorer.length == 11)
        let lasso = try #require(try BoundedLivenessChecker(ir).run(depth: 11).first?.lasso)
        #expect(lasso.length == 11)
        #expect(lasso.loop == 3)
        #expect(lasso.steps.filter { $0.action == "start" }.count == 4)
        #expect(try TraceReplay(ir).replay(lasso) == .replays)
    }

    /// On random specs with random weak fairness, a lasso BMC finds within the bound exists for
    /// the explorer too, and where the explorer's lasso fits the bound, BMC finds one as short.
    @Test func agreesWithTheExplorerOnRandomSpecs() throws {
        var compared = 0, found = 0
        for seed in UInt64(1)...200 {
            var random = SplitMix(seed: seed)
            var ir = RandomSpecs.make(&random)
            ir.invariants = []
            LivenessSpecs.addLiveness(to: &ir, &random)
            let explorer = try LivenessChecker(ir, maxStates: 2_000).run()
            guard explorer.incomplete == nil else { continue }
            let bounded = try BoundedLivenessChecker(ir).run(depth: 4)
            let lasso = explorer.properties[0].lasso
            if let short = bounded[0].lasso {
                found += 1
                #expect(lasso != nil, "seed \(seed): BMC found a lasso the explorer did not")
                #expect(short.length <= (lasso?.length ?? 0), "seed \(seed)")
                #expect(try TraceReplay(ir).replay(short) == .replays, "seed \(seed)")
            } else if let lasso {
                #expect(lasso.length > 4, "seed \(seed): the explorer's lasso has \(lasso.length) steps, BMC found none")
            }
            compared += 1
        }
        #expect(compared > 60)
        #expect(found > 15)
    }
}
