import Explorer
import Kripke
import KripkeTestSupport
import Testing
import Specs
import Traces

/// Liveness under fairness: fair cycles found (or proved absent) on the whole state graph, lassos
/// that replay and close, weak and strong fairness told apart.
@Suite struct LivenessCheckerTests {
    static func flicker(_ fire: Fairness?) -> SpecDefinition { LivenessSpecs.flicker(fire) }

    static func result(_ spec: SpecDefinition) throws -> LivenessResult {
        try LivenessChecker(try spec.instantiate()).run()
    }

    @Test func weakFairnessLetsAnIntermittentStepWaitForever() throws {
        let result = try Self.result(Self.flicker(.weak))
        #expect(result.states == 4)
        let lasso = try #require(result.properties.first?.lasso)
        #expect(lasso.loop == 0)
        #expect(lasso.steps.map(\.action) == ["toggle", "toggle"])
        #expect(lasso.states.last == lasso.states[0])
        #expect(try TraceReplay(Self.flicker(.weak).instantiate()).replay(lasso) == .replays)
        #expect(try ITF.decode(ITF.encode(lasso)) == lasso)
    }

    /// Without fairness a run may stop anywhere: the lasso is the initial state, stuttering.
    @Test func withoutFairnessARunMayStop() throws {
        var ir = try Self.flicker(nil).instantiate()
        ir.fairness = []
        let lasso = try #require(try LivenessChecker(ir).run().properties.first?.lasso)
        #expect(lasso.length == 0)
        #expect(lasso.loop == 0)
        #expect(try TraceReplay(ir).replay(lasso) == .replays)
        let decoded = try ITF.decode(ITF.encode(lasso))
        #expect(decoded == lasso)
    }

    @Test func strongFairnessForcesIt() throws {
        let result = try Self.result(Self.flicker(.strong))
        #expect(result.properties.count == 1)
        #expect(result.properties[0].lasso == nil)
    }

    /// Token ring: every waiting process gets the token (N=3, R=2: 900 states).
    @Test func tokenRingIsStarvationFree() throws {
        let ir = try TokenRing.correct.instantiate()
        let result = try LivenessChecker(ir).run()
        #expect(result.states == 900)
        #expect(result.properties.map(\.name) == ["starvation freedom (p0)", "starvation freedom (p1)", "starvation freedom (p2)"])
        #expect(result.properties.allSatisfy { $0.lasso == nil })
    }

    /// Majority voting: two clients split the votes and retry forever, a fair run in which
    /// client0 waits and never enters; the lasso replays, its cycle closes, and ITF keeps it.
    @Test func majorityVotingCanStarve() throws {
        let ir = try MajorityVoting.correct.instantiate()
        let result = try LivenessChecker(ir).run()
        #expect(result.states == 9365)
        #expect(result.transitions == 36284)
        let starving = try #require(result.properties.first { $0.lasso != nil })
        #expect(starving.name == "starvation freedom (client0)")
        let lasso = try #require(starving.lasso)
        #expect(lasso.loop == 6)
        #expect(lasso.length == 15)
        #expect(lasso.states.last == lasso.states[6])
        #expect(lasso.states[6]["phase"].map { "\($0)" } == "[client0: waiting, client1: waiting]")
        #expect(!starving.fairness.isEmpty)
        #expect(try TraceReplay(ir).replay(lasso) == .replays)
        let decoded = try ITF.decode(ITF.encode(lasso))
        #expect(decoded == lasso)
        #expect(try TraceReplay(ir).replay(decoded) == .replays)
    }

    /// A lasso whose last state is not where its cycle starts does not replay.
    @Test func aCycleThatDoesNotCloseIsRejected() throws {
        let ir = try Self.flicker(.weak).instantiate()
        let lasso = try #require(try LivenessChecker(ir).run().properties.first?.lasso)
        let open = Trace(spec: lasso.spec, parameters: lasso.parameters, variables: lasso.variables, ghosts: lasso.ghosts,
                         states: Array(lasso.states.dropLast()), steps: Array(lasso.steps.dropLast()), loop: 0)
        guard case .mismatch(_, let reason) = try TraceReplay(ir).replay(open) else {
            Issue.record("an open cycle replayed")
            return
        }
        #expect(reason.contains("the cycle does not close"))
    }
}

/// The library's liveness verdicts are not vacuous: without the fairness they assume, a process
/// may stop for ever and starve, and the checker says so.
@Suite struct LivenessNeedsFairnessTests {
    @Test(arguments: ["ricart-agrawala", "lamport-mutex", "suzuki-kasami", "token-ring", "chang-roberts", "bully", "chandy-lamport", "paxos"])
    func withoutFairnessTheyFail(name: String) throws {
        var ir = try SpecHarness.spec(name).instantiate()
        #expect(!ir.liveness.isEmpty && !ir.fairness.isEmpty)
        let fair = try LivenessChecker(ir).run()
        #expect(fair.properties.allSatisfy { $0.lasso == nil }, "\(name) under its fairness")
        ir.fairness = []
        let unfair = try LivenessChecker(ir).run()
        let lasso = try #require(unfair.properties.first { $0.lasso != nil }?.lasso, "\(name) without fairness")
        #expect(try TraceReplay(ir).replay(lasso) == .replays)
    }
}

/// The HTML chart of a lasso names the cycle in its headline, draws its steps as the cycle, and
/// says at the bottom where the run goes back to.
@Suite struct LassoChartTests {
    @Test func theChartMarksTheCycle() throws {
        let ir = try MajorityVoting.correct.instantiate()
        let lasso = try #require(try LivenessChecker(ir).run().properties.first { $0.lasso != nil }?.lasso)
        let page = HTMLSequenceChart().render(lasso, property: "liveness 'starvation freedom (client0)'")
        #expect(page.contains("<h1 class=\"violated\">✗ liveness 'starvation freedom (client0)' violated: steps 7–15 repeat for ever</h1>"))
        #expect(page.components(separatedBy: "class=\"step cycle\"").count - 1 == 9)
        #expect(page.contains("violated: from here the run goes back to state 6, for ever"))
        #expect(page.contains("the cycle: after its last step the run continues at its first, for ever"))
    }
}

/// Per-process fairness is weaker than fairness of every action: on Paxos's duplicating network
/// a process can satisfy it by re-reading an old message for ever, and then no value is chosen.
@Suite struct FairnessGranularityTests {
    @Test func paxosNeedsEveryActionFair() throws {
        var ir = try Paxos.correct.instantiate()
        let roles = ir.roles.indices.map { RoleID(index: $0) }
        let here = SourceLocation(file: "FairnessGranularityTests.swift", line: 1)
        ir.fairness = roles.map { FairnessDecl(kind: .weak, scope: .eachProcess(role: $0), location: here) }
        let lasso = try #require(try LivenessChecker(ir).run().properties.first?.lasso)
        #expect(lasso.loop.map { $0 < lasso.length } == true)
        #expect(try TraceReplay(ir).replay(lasso) == .replays)
    }
}
