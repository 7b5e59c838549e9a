@testable import Explorer
import Kripke
import KripkeTestSupport
import Specs
import Testing

/// Random simulation judges the lassos its runs stumble on against the spec's liveness properties
/// under its fairness: it finds the starving cycle of majority voting (a run that replays, closes,
/// and is fair), finds none in the token ring, and every lasso it reports on a random spec is, on
/// a brute-force reference graph, a fair run that violates the property — one the exhaustive
/// checker finds violated too.
@Suite struct SimulationLivenessTests {
    private func simulate(_ ir: SpecIR, seed: UInt64, runs: Int, depth: Int = 100,
                          deadlock: Bool = true) throws -> SimulationResult {
        var options = SimulationOptions(seed: seed)
        options.runs = runs
        options.depth = depth
        options.checkDeadlock = deadlock
        return try RandomSimulation(ir, options: options).run()
    }

    private func library(_ name: String, _ parameters: [String: Int] = [:]) throws -> SpecIR {
        try SpecLibrary.all.first { $0.name == name }!.instantiate(parameters)
    }

    /// Majority voting: run 149 of seed 1 closes the 9-step cycle in which client0 asks, is
    /// outvoted, gives up and asks again, forever, while client1 waits on an answer that never comes.
    @Test func majorityVotingStarvesOnALassoTheSimulationStumblesOn() throws {
        let ir = try library("majority-voting")
        let result = try simulate(ir, seed: 1, runs: 1_000)
        guard case .livenessViolated(let property, let run) = result.verdict, let lasso = property.lasso,
              let loop = lasso.loop else {
            Issue.record("expected a liveness violation, got \(result.verdict)")
            return
        }
        #expect(property.name == "starvation freedom (client0)" && property.declaration == 0)
        #expect(run == SimulationRunID(index: 148, seed: SimulationSeeds.seed(of: 148, in: 1)))
        #expect(lasso.length == 15 && loop == 6)
        #expect(result.statistics.runs == 149 && result.statistics.steps == 5_176 && result.statistics.lassos == 158)
        #expect(property.fairness == ["weak fairness of client0: taken in the cycle",
                                      "weak fairness of coordinator2: taken in the cycle",
                                      "weak fairness of coordinator1: taken in the cycle",
                                      "weak fairness of coordinator0: taken in the cycle"])
        #expect(try TraceReplay(ir).replay(lasso) == .replays)
        #expect(lasso.states[loop] == lasso.states[lasso.length])
        // client0 waits at the cycle's start and is never in its critical section in it.
        func phase(_ state: TraceState) -> Value? {
            guard case .map(let entries)? = state["phase"] else { return nil }
            return entries.first { $0.key == .name("client0") }?.value
        }
        #expect(lasso.states[loop...].allSatisfy { phase($0) != .name("critical") })
        #expect(phase(lasso.states[loop]) == .name("waiting"))
        // Fair: every client and coordinator takes a step in the cycle or is disabled in one of its states.
        #expect(try Self.isFairCycle(lasso, ir))
        // The exhaustive checker finds the same property violated.
        let checked = try LivenessChecker(ir).run()
        #expect(checked.properties.first { $0.name == property.name }?.lasso != nil)

        // The run's own seed takes exactly that run again.
        let alone = try simulate(ir, seed: run.seed, runs: 1)
        #expect(alone.verdict == .livenessViolated(property, run: SimulationRunID(index: 0, seed: run.seed)))
    }

    /// The token ring is starvation free: thousands of lassos judged, none a fair starving run.
    @Test(arguments: [(UInt64(1), 1_000, 100, 70_706), (UInt64(2), 100, 1_000, 97_052)])
    func tokenRingHasNoFairStarvingLasso(seed: UInt64, runs: Int, depth: Int, lassos: Int) throws {
        let result = try simulate(try library("token-ring"), seed: seed, runs: runs, depth: depth)
        #expect(result.verdict == .noViolationFound)
        #expect(result.statistics.lassos == lassos)
    }

    /// Weak fairness of `fire` lets it wait for ever while the flag flickers; strong fairness
    /// does not, and neither does stopping where the toggle is enabled.
    @Test func strongFairnessRulesOutTheFlickeringCycle() throws {
        let weak = try LivenessSpecs.flicker(.weak).instantiate()
        guard case .livenessViolated(let property, _) = try simulate(weak, seed: 3, runs: 10, depth: 20).verdict,
              let lasso = property.lasso, let loop = lasso.loop else {
            Issue.record("expected the flickering cycle")
            return
        }
        #expect(property.name == "fires" && lasso.length - loop == 2)
        #expect(property.fairness == ["weak fairness of p1: toggle: taken in the cycle",
                                      "weak fairness of p0: fire: disabled in the cycle"])
        #expect(try TraceReplay(weak).replay(lasso) == .replays)
        let strong = try simulate(try LivenessSpecs.flicker(.strong).instantiate(), seed: 3, runs: 200, depth: 50)
        #expect(strong.verdict == .noViolationFound && strong.statistics.lassos > 1_000)
    }

    /// A run may stop for ever where no fair step is enabled: without fairness, a premise that
    /// holds where the conclusion does not is a violation at once — a lasso with an empty cycle.
    @Test func aFairStopIsALassoWithoutACycle() throws {
        var ir = try LivenessSpecs.flicker(.weak).instantiate()
        ir.fairness = []
        guard case .livenessViolated(let property, let run) = try simulate(ir, seed: 1, runs: 1).verdict,
              let lasso = property.lasso else {
            Issue.record("expected a stop")
            return
        }
        #expect(lasso.length == 0 && lasso.loop == 0 && property.fairness.isEmpty && run.index == 0)
    }

    /// Soundness on random specs (random leads-to, eventually or always-eventually; random weak and
    /// strong fairness): every lasso the simulation reports is a fair violating run on the
    /// reference graph, replays and closes, and the exhaustive checker finds the property violated.
    /// (Specs whose network overflows are left out: neither the reference nor the checker builds
    /// their graph.)
    @Test func everyLassoFoundOnARandomSpecIsARealViolation() throws {
        var found = 0, stops = 0, holds = 0
        for seed in UInt64(1)...1_000 {
            var random = SplitMix(seed: seed)
            var ir = RandomSpecs.make(&random)
            ir.invariants = []
            LivenessSpecs.addLiveness(to: &ir, &random)
            ir.fairness = ir.fairness.map { random.chance(0.3) ? FairnessDecl(kind: .strong, scope: $0.scope, location: $0.location) : $0 }
            guard let graph = try LivenessReferenceTests.graph(ir) else { continue }
            let result = try simulate(ir, seed: seed, runs: 20, depth: 40, deadlock: false)
            guard case .livenessViolated(let property, _) = result.verdict, let lasso = property.lasso else {
                if result.verdict == .noViolationFound { holds += 1 }
                continue
            }
            found += 1
            if lasso.loop == lasso.length { stops += 1 }
            #expect(try TraceReplay(ir).replay(lasso) == .replays, "seed \(seed)")
            #expect(lasso.loop.map { lasso.states[$0] == lasso.states[lasso.length] } == true, "seed \(seed)")
            #expect(LivenessReferenceTests.isFairViolation(lasso, graph, kind: ir.liveness[0].kind), "seed \(seed)")
            #expect(try LivenessChecker(ir, maxStates: 5_000).run().properties.first?.lasso != nil, "seed \(seed)")
        }
        // Deterministic by seed: 172 lassos (117 of them stops, 55 cycles) on 349 specs whose graph builds.
        #expect(found == 172 && stops == 117 && holds == 177, "\(found) found, \(stops) stops, \(holds) none")
    }

    /// Whether every per-process weak fairness unit of `ir` is taken in the lasso's cycle or
    /// disabled in one of its states, read on the reference graph.
    static func isFairCycle(_ lasso: Trace, _ ir: SpecIR) throws -> Bool {
        guard let graph = try LivenessReferenceTests.graph(ir), let loop = lasso.loop else { return false }
        let ids = lasso.states.compactMap { graph.named[$0] }
        guard ids.count == lasso.states.count else { return false }
        let units = Set(graph.edges.flatMap { $0.flatMap(\.units) })
        return units.allSatisfy { unit in
            (loop..<lasso.length).contains { k in
                graph.edges[ids[k]].contains { $0.target == ids[k + 1] && $0.units.contains(unit) && $0.step.instance == lasso.steps[k].instance }
            } || ids[loop...].contains { state in !graph.edges[state].contains { $0.units.contains(unit) } }
        }
    }
}
