import Foundation
import Explorer
import Kripke

extension Outcome {
    /// The outcome of a random simulation (`kripke simulate`). `invocation` is the command line
    /// that ran it without `--seed` and `--runs`, to which the hint for replaying a violating run
    /// appends `--seed X --runs 1` (by default it is built from the spec, its parameters, the depth
    /// and the deadlock option).
    ///
    /// ```swift
    /// let options = SimulationOptions(seed: 42)
    /// let outcome = Outcome(try RandomSimulation(ir, options: options).run(), ir: ir, options: options)
    /// print(outcome.verdict.label)   // "NO VIOLATION FOUND in 1000 random runs of up to 100 steps"
    /// ```
    public init(_ result: SimulationResult, ir: SpecIR, options: SimulationOptions, invocation: String? = nil) {
        let statistics = result.statistics
        var properties = PropertyOutcome.all(of: ir, deadlock: options.checkDeadlock, verdict: .unknown)
        properties += LivenessChecker.instances(of: ir).map {
            PropertyOutcome(name: $0.name, kind: .liveness, verdict: .unknown, location: ir.liveness[$0.declaration].location)
        }
        let verdict: OutcomeVerdict
        let summary: String
        var trace: OutcomeTrace?
        var details = [Self.figures(statistics)]
        var extensions: [Statistic] = []
        switch result.verdict {
        case .noViolationFound:
            verdict = .noViolationFound(runs: statistics.runs, depth: options.depth)
            for index in properties.indices { properties[index].verdict = .noViolationFound }
            summary = "not a proof: `kripke check` explores every state"
            details.append("Seed: \(options.seed) (`--seed \(options.seed)` takes the same runs again)")
        case .violated(let violation, let run):
            verdict = .violated
            for index in properties.indices where properties[index].matches(violation.kind) {
                properties[index].verdict = .violated
            }
            summary = "\(violation.property) fails after \(violation.trace.length) steps of random run \(run.index + 1)"
            Self.replayHint(run, ir: ir, options: options, invocation: invocation, details: &details, extensions: &extensions)
            trace = OutcomeTrace(kind: .counterexample, trace: violation.trace, property: violation.property, isShortest: false,
                                 heading: "Counterexample (\(violation.trace.length) steps, a random run: not shortest — "
                                    + "`kripke check` finds a shortest one):",
                                 conclusion: violation.failedAssertion.map { ir.assertionConclusion($0, trace: violation.trace) },
                                 description: "\(violation.property) violated", stepLocations: ir.locations(of: violation.trace))
        case .livenessViolated(let property, let run):
            verdict = .violated   // the summary and the lasso come from `show`, as `kripke check` reports them
            summary = ""
            for index in properties.indices where properties[index].kind == .liveness && properties[index].name == property.name {
                properties[index].verdict = .violated
            }
            Self.replayHint(run, ir: ir, options: options, invocation: invocation, details: &details, extensions: &extensions)
        case .incomplete(let reason):
            verdict = .incomplete(reason: reason)
            summary = "\(reason); no violation in the \(statistics.runs) run\(statistics.runs == 1 ? "" : "s") finished"
            details.append("Seed: \(options.seed) (`--seed \(options.seed)` takes the same runs again)")
        }
        details.append("Checked in every state visited: " + Self.checked(ir, deadlock: options.checkDeadlock))
        if !ir.liveness.isEmpty {
            details.append("Liveness judged on the \(statistics.lassos) lasso\(statistics.lassos == 1 ? "" : "s") the runs "
                           + "stumbled on (a cycle back to a state visited, or a state a fair run may stop in): "
                           + ir.liveness.map { "'\($0.name)'" }.joined(separator: ", "))
        }
        details.append(Self.coverage(statistics))
        self.init(command: "simulate", engine: "simulation",
                  method: "random simulation, \(options.runs) run\(options.runs == 1 ? "" : "s") of up to "
                    + "\(options.depth) step\(options.depth == 1 ? "" : "s"), seed \(options.seed)",
                  spec: ir.name, parameters: ir.parameters, specLocation: ir.declarationLocation,
                  verdict: verdict, summary: summary, properties: properties, trace: trace,
                  options: Self.options(options), statistics: Self.statistics(statistics),
                  details: details, extensions: extensions,
                  warnings: Self.warnings(result, ir: ir))
        if case .livenessViolated(let property, let run) = result.verdict, let lasso = property.lasso, let loop = lasso.loop {
            show(lasso, loop: loop, violating: property.name, isShortest: false, ir: ir, fairness: property.fairness)
            self.summary += " (random run \(run.index + 1))"
        }
        explainViolation(of: ir)
    }

    /// How to take the run that found a violation again: a detail line and the JSON `replay` group.
    private static func replayHint(_ run: SimulationRunID, ir: SpecIR, options: SimulationOptions, invocation: String?,
                                   details: inout [String], extensions: inout [Statistic]) {
        let command = (invocation ?? Self.invocation(ir: ir, options: options)) + " --seed \(run.seed) --runs 1"
        let found = run.index == 0 ? "Found by run 1 (seed \(run.seed))"
            : "Found by run \(run.index + 1) of seed \(options.seed), whose own seed is \(run.seed)"
        details.append(found + ": `\(command)` takes exactly this run again")
        extensions.append(Statistic("replay", .group([
            Statistic("run", .int(run.index + 1)), Statistic("seed", .int(Int(run.seed))), Statistic("command", .text(command)),
        ])))
    }

    /// `kripke simulate SPEC --param …` with the depth and deadlock options that change the runs.
    static func invocation(ir: SpecIR, options: SimulationOptions) -> String {
        var words = ["kripke", "simulate", ir.name]
        words += ir.parameters.sorted { $0.key < $1.key }.map { "--param \($0.key)=\($0.value)" }
        if options.depth != SimulationOptions.defaultDepth { words.append("--depth \(options.depth)") }
        if !options.checkDeadlock { words.append("--no-deadlock") }
        return words.joined(separator: " ")
    }

    private static func figures(_ statistics: SimulationStatistics) -> String {
        let early = statistics.endedEarly > 0 ? ", \(statistics.endedEarly) ended early with no step to take" : ""
        return "Runs: \(statistics.runs) (longest \(statistics.longestRun) steps\(early))  "
            + String(format: "steps: %d  distinct states: %d  time: %.2f s  (%.0f steps/s)", statistics.steps,
                     statistics.distinctStates, statistics.seconds, statistics.stepsPerSecond)
    }

    private static func checked(_ ir: SpecIR, deadlock: Bool) -> String {
        var names = ir.invariants.filter { !$0.isLemma }.map { "'\($0.name)'" }
        let lemmas = ir.invariants.count { $0.isLemma }
        if lemmas > 0 { names.append("\(lemmas) helper lemma\(lemmas == 1 ? "" : "s")") }
        names += ir.assertions.map { "assertion '\($0.message)' (in every step taken)" }
        if deadlock { names.append(PropertyOutcome.deadlockFreedom) }
        return names.isEmpty ? "nothing (no invariant, no deadlock check)" : names.joined(separator: ", ")
    }

    /// `Coverage (steps per action): ask 120, on request 118, …; never taken: leave`.
    private static func coverage(_ statistics: SimulationStatistics) -> String {
        let taken = statistics.coverage.map { "\($0.name) \($0.transitions)" }.joined(separator: ", ")
        let never = neverTaken(statistics)
        return "Coverage (steps per action): " + taken + (never.isEmpty ? "" : "; never taken: " + never.joined(separator: ", "))
    }

    private static func neverTaken(_ statistics: SimulationStatistics) -> [String] {
        statistics.coverage.filter { $0.transitions == 0 && $0.name != "network: lose message" }.map(\.name)
    }

    private static func options(_ options: SimulationOptions) -> [Statistic] {
        [
            Statistic("search", .text("random")),
            Statistic("seed", .int(Int(options.seed))),
            Statistic("runs", .int(options.runs)),
            Statistic("depth", .int(options.depth)),
            Statistic("deadlock", .bool(options.checkDeadlock)),
            Statistic("maxSeconds", options.maxSeconds.map { .number($0) } ?? .absent),
        ]
    }

    private static func statistics(_ statistics: SimulationStatistics) -> [Statistic] {
        [
            Statistic("runs", .int(statistics.runs)),
            Statistic("steps", .int(statistics.steps)),
            Statistic("distinctStates", .int(statistics.distinctStates)),
            Statistic("longestRun", .int(statistics.longestRun)),
            Statistic("endedEarly", .int(statistics.endedEarly)),
            Statistic("lassos", .int(statistics.lassos)),
            Statistic("seconds", .number((statistics.seconds * 1000).rounded() / 1000)),
            Statistic("stepsPerSecond", .number(statistics.stepsPerSecond.rounded())),
            Statistic("networkOverflows", .int(statistics.overflows)),
            Statistic("coverage", .list(statistics.coverage.map { action in
                .group([Statistic("action", .text(action.name)), Statistic("transitions", .int(action.transitions)),
                        Statistic("newStates", .int(action.newStates))])
            })),
        ]
    }

    /// After a simulation that found nothing: the actions no run took, and that liveness found
    /// unbroken on some lassos is not proved.
    private static func warnings(_ result: SimulationResult, ir: SpecIR) -> [String] {
        guard case .noViolationFound = result.verdict else { return [] }
        var warnings: [String] = []
        let never = neverTaken(result.statistics)
        if !never.isEmpty {
            warnings.append("never taken in \(result.statistics.runs) random runs: \(never.joined(separator: ", ")) "
                            + "(unreachable, or rare: more or longer runs may take it)")
        }
        if !ir.liveness.isEmpty {
            warnings.append("liveness (" + ir.liveness.map { "'\($0.name)'" }.joined(separator: ", ")
                            + ") was judged only on the lassos random runs stumbled on: simulation can find a violation "
                            + "but never prove liveness; `kripke check` proves it on the whole state graph")
        }
        return warnings
    }
}
