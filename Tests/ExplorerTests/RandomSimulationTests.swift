@testable import Explorer
import Kripke
import Specs
import Testing

/// Random simulation: seeded, reproducible runs of uniformly chosen steps that check every
/// property in every state they visit; a violation is a replayable run; statistics are exact.
@Suite struct RandomSimulationTests {
    private func simulate(_ ir: SpecIR, seed: UInt64, runs: Int, depth: Int = 100, deadlock: Bool = true,
                          stop: (@Sendable () -> Bool)? = nil) throws -> SimulationResult {
        var options = SimulationOptions(seed: seed)
        options.runs = runs
        options.depth = depth
        options.checkDeadlock = deadlock
        options.shouldStop = stop
        return try RandomSimulation(ir, options: options).run()
    }

    private func spec(_ body: @escaping @Sendable (SpecBuilder) -> Void) throws -> SpecIR {
        try SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds, body: body).instantiate()
    }

    private func library(_ name: String, _ parameters: [String: Int] = [:]) throws -> SpecIR {
        try SpecLibrary.all.first { $0.name == name }!.instantiate(parameters)
    }

    /// The statistics without the time, which alone differs between two equal simulations.
    private func figures(_ result: SimulationResult) -> SimulationStatistics {
        var statistics = result.statistics
        statistics.seconds = 0
        return statistics
    }

    /// Three counters 0...4, each step increments one: every run is 12 steps long.
    private func counterGrid() throws -> SpecIR {
        try spec { s in
            let procs = s.processes("p", count: 3)
            let x = s.variable("x", per: procs, in: .range(0...4), initial: 0)
            s.action("inc", for: procs) { i in
                Require(x[i] < 4)
                x[i] <- x[i] + 1
            }
        }
    }

    /// Vigna's reference splitmix64.c, seeded with 0.
    @Test func splitMixGivesTheReferenceOutputs() {
        var random = SplitMix64(seed: 0)
        #expect([random.next(), random.next(), random.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func boundedDrawsAreInRangeAndUniform() {
        var random = SplitMix64(seed: 5)
        var counts = [0, 0, 0]
        for _ in 0..<30_000 { counts[random.index(below: 3)] += 1 }
        #expect(counts.allSatisfy { (9_700...10_300).contains($0) }, "\(counts)")
        #expect((0..<100).allSatisfy { _ in random.index(below: 1) == 0 })
    }

    /// Run 0 uses the seed itself, so a run's own seed with one run takes that run again; seeds
    /// stay below 2⁵³ (exact in JSON) and differ from run to run.
    @Test func runSeeds() {
        #expect(SimulationSeeds.seed(of: 0, in: 42) == 42)
        let seeds = (0..<1_000).map { SimulationSeeds.seed(of: $0, in: 42) }
        #expect(Set(seeds).count == 1_000)
        #expect(seeds.allSatisfy { $0 <= SimulationSeeds.maximum })
        #expect(SimulationSeeds.random() <= SimulationSeeds.maximum)
    }

    @Test func theSameSeedTakesTheSameRuns() throws {
        let ir = try library("ricart-agrawala")
        let first = try simulate(ir, seed: 11, runs: 100)
        let second = try simulate(ir, seed: 11, runs: 100)
        #expect(first.verdict == .noViolationFound)
        #expect(second.verdict == .noViolationFound)
        #expect(figures(first) == figures(second))
        let other = try simulate(ir, seed: 12, runs: 100)
        #expect(figures(other) != figures(first))
    }

    /// Deterministic figures for a fixed seed, pinned exactly (the same on every machine).
    @Test func statisticsArePinnedForAFixedSeed() throws {
        let result = try simulate(try library("two-phase-commit"), seed: 7, runs: 200)
        #expect(result.verdict == .noViolationFound)
        let statistics = result.statistics
        #expect(statistics.runs == 200)
        #expect(statistics.steps == 2_750)
        #expect(statistics.distinctStates == 495)
        #expect(statistics.longestRun == 14)
        #expect(statistics.endedEarly == 200)
        #expect(statistics.overflows == 0)
        #expect(statistics.coverage.map(\.name) == ["prepare", "receive prepare", "vote yes", "vote no", "receive vote",
                                                    "commit", "abort", "receive commit", "receive abort"])
        #expect(statistics.coverage.map(\.transitions) == [200, 600, 303, 272, 575, 30, 170, 90, 510])
        #expect(statistics.coverage.map(\.transitions).reduce(0, +) == statistics.steps)
        // Each step that reached a state not seen before is one distinct state more (the initial one aside).
        #expect(statistics.coverage.map(\.newStates).reduce(0, +) == statistics.distinctStates - 1)
    }

    /// Figures known by hand: every run of the counter grid ends after exactly 12 steps.
    @Test func runsEndWhereNoStepIsEnabledOrAtTheDepth() throws {
        let full = try simulate(try counterGrid(), seed: 3, runs: 50, deadlock: false)
        #expect(full.verdict == .noViolationFound)
        #expect(full.statistics.steps == 600 && full.statistics.longestRun == 12 && full.statistics.endedEarly == 50)
        #expect(full.statistics.coverage == [ActionCoverage(name: "inc", transitions: 600,
                                                            newStates: full.statistics.distinctStates - 1)])
        #expect((13...125).contains(full.statistics.distinctStates))
        let short = try simulate(try counterGrid(), seed: 3, runs: 50, depth: 5, deadlock: false)
        #expect(short.statistics.steps == 250 && short.statistics.longestRun == 5 && short.statistics.endedEarly == 0)
    }

    /// Each step is drawn uniformly among all enabled steps: four actions enabled in the initial
    /// state are each taken by about a quarter of 4,000 one-step runs.
    @Test func stepsAreChosenUniformly() throws {
        let ir = try spec { s in
            let p = s.process("p")
            let x = s.variable("x", per: p, in: .range(0...4), initial: 0)
            for value in 1...4 {
                s.action("set \(value)", for: p) { i in
                    Require(x[i] == 0)
                    x[i] <- .constant(value)
                }
            }
        }
        let result = try simulate(ir, seed: 9, runs: 4_000, depth: 1)
        #expect(result.statistics.steps == 4_000)
        #expect(result.statistics.distinctStates == 5)
        for action in result.statistics.coverage { #expect((900...1_100).contains(action.transitions), "\(action)") }
    }

    /// The tie bug is found in the second run; the run replays, and its own seed alone (or the
    /// simulation's seed with runs up to it) takes exactly that run again.
    @Test func aBugIsFoundAndItsRunReplaysAndReproduces() throws {
        let ir = try library("ricart-agrawala-tie-bug")
        let result = try simulate(ir, seed: 1, runs: 1_000)
        guard case .violated(let violation, let run) = result.verdict else {
            Issue.record("expected a violation, got \(result.verdict)")
            return
        }
        #expect(violation.kind == .invariant("mutual exclusion"))
        #expect(run.index == 1 && run.seed == SimulationSeeds.seed(of: 1, in: 1))
        #expect(violation.trace.length == 19)
        #expect(result.statistics.runs == 2)
        #expect(try TraceReplay(ir).replay(violation.trace) == .replays)

        let alone = try simulate(ir, seed: run.seed, runs: 1)
        guard case .violated(let again, let first) = alone.verdict else {
            Issue.record("the run's own seed does not reproduce it")
            return
        }
        #expect(again == violation)
        #expect(first == SimulationRunID(index: 0, seed: run.seed))
        #expect(alone.statistics.steps == 19)
        #expect(try simulate(ir, seed: 1, runs: run.index + 1).verdict == result.verdict)
    }

    @Test func deadlocksAreFoundUnlessTurnedOffOrValidEnds() throws {
        let stuck: @Sendable (SpecBuilder) -> Void = { s in
            let procs = s.processes("p", count: 1)
            let x = s.variable("x", per: procs, in: .range(0...2), initial: 0)
            s.action("inc", for: procs) { i in
                Require(x[i] < 2)
                x[i] <- x[i] + 1
            }
        }
        let found = try simulate(try spec(stuck), seed: 1, runs: 10)
        guard case .violated(let violation, let run) = found.verdict else {
            Issue.record("expected a deadlock")
            return
        }
        #expect(violation.kind == .deadlock && violation.trace.length == 2 && run.index == 0)
        let unchecked = try simulate(try spec(stuck), seed: 1, runs: 10, deadlock: false)
        #expect(unchecked.verdict == .noViolationFound)
        #expect(unchecked.statistics.steps == 20 && unchecked.statistics.endedEarly == 10)
        let ending = try simulate(try spec { s in
            stuck(s)
            s.validEndState(true)
        }, seed: 1, runs: 10)
        #expect(ending.verdict == .noViolationFound)
    }

    @Test func aViolatedInitialStateIsTheFirstRunsEmptyTrace() throws {
        let ir = try spec { s in
            let p = s.process("p")
            let x = s.variable("x", per: p, in: .range(0...1), initial: 0)
            s.action("set", for: p) { i in x[i] <- 1 }
            s.invariant("x is 1", x[p.only] == 1)
        }
        let result = try simulate(ir, seed: 4, runs: 10)
        guard case .violated(let violation, let run) = result.verdict else {
            Issue.record("expected a violation")
            return
        }
        #expect(violation.trace.length == 0 && run.index == 0 && result.statistics.steps == 0)
    }

    @Test func aModellingFaultCarriesTheRunThatReachesIt() throws {
        let ir = try spec { s in
            let procs = s.processes("p", count: 1)
            let x = s.variable("x", per: procs, in: .range(0...1), initial: 0)
            s.action("inc", for: procs) { i in
                x[i] <- x[i] + 1
            }
        }
        #expect {
            try simulate(ir, seed: 1, runs: 5)
        } throws: { error in
            guard let fault = error as? ModelFault else { return false }
            return fault.message == "value 2 assigned to 'x' is outside its domain 0...1" && fault.trace.length == 1
                && fault.action == "p: inc"
        }
    }

    @Test func aStopRequestEndsItIncomplete() throws {
        let result = try simulate(try library("token-ring"), seed: 1, runs: 1_000, stop: { true })
        #expect(result.verdict == .incomplete(reason: "interrupted"))
        #expect(result.statistics.runs == 0 && result.statistics.steps == 0)
    }

    /// A step whose send finds the network full is not taken, and the simulation is incomplete.
    @Test func aFullNetworkMakesItIncomplete() throws {
        let ir = try spec { s in
            let sender = s.process("sender")
            let receiver = s.process("receiver")
            let sent = s.variable("sent", per: sender, in: .range(0...2), initial: 0)
            let got = s.variable("got", per: receiver, in: .range(0...2), initial: 0)
            let data = s.message("data")
            s.network(.fifo(capacity: 1))
            s.action("send", for: sender) { i in
                Require(sent[i] < 2)
                sent[i] <- sent[i] + 1
                Send(data, from: i, to: receiver.only)
            }
            s.on(data, at: receiver) { m in
                got[m.receiver] <- got[m.receiver] + 1
            }
        }
        let result = try simulate(ir, seed: 2, runs: 20, deadlock: false)
        guard case .incomplete(let reason) = result.verdict else {
            Issue.record("expected incomplete, got \(result.verdict)")
            return
        }
        #expect(reason == "the network capacity (1) was reached \(result.statistics.overflows) times; those steps were not taken")
        #expect(result.statistics.overflows > 0 && result.statistics.runs == 20)
    }
}
