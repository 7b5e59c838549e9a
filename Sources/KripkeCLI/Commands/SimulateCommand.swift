import ArgumentParser
import Explorer
import Foundation
import Kripke
import Verification

/// `kripke simulate <spec>`: random runs through an instance too large to explore, checking its
/// invariants (and lemmas) in every state visited, deadlocks, and its liveness properties on the
/// lassos the runs stumble on. Reproducible by seed; not a proof.
///
/// ```text
/// $ kripke simulate paxos --param N=7 --seed 42
/// Result: NO VIOLATION FOUND in 1000 random runs of up to 100 steps — not a proof: `kripke check` explores every state
/// ```
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Take random runs through a spec, checking its invariants in every state visited (not a proof).",
        discussion: """
            For instances too large to explore: each run starts in the initial state and takes up to --depth steps, \
            each chosen uniformly among all enabled steps. A violation ends the simulation with that run as a \
            counterexample (exit 1), and says how to take exactly that run again. Liveness properties are judged on \
            the lassos the runs stumble on (a cycle back to a state visited, or a state where a fair run may stop): a \
            fair one that violates a property is reported as `kripke check` reports it. Finding none (exit 0) proves \
            nothing about the runs not taken; `kripke check` explores every state. The same --seed takes the same runs.
            """)

    @OptionGroup var selection: SpecSelection

    @OptionGroup var output: OutputOptions

    @Option(parsing: .unconditional, help: "How many random runs to take (default \(SimulationOptions.defaultRuns)).")
    var runs: Int = SimulationOptions.defaultRuns

    @Option(parsing: .unconditional, help: "The most steps a run takes (default \(SimulationOptions.defaultDepth)).")
    var depth: Int = SimulationOptions.defaultDepth

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "The seed the runs are drawn from, 0 to 2^53−1 (default: a random one, printed with the result).",
        discussion: "The same seed (with the same spec, parameters and options) takes exactly the same runs."))
    var seed: Int?

    @Flag(name: .customLong("no-deadlock"), help: "Do not report states without enabled steps as deadlocks.")
    var noDeadlock = false

    @Flag(name: .customLong("no-lemmas"), help: "Check the invariants only, not the spec's helper lemmas.")
    var noLemmas = false

    @Flag(name: .customLong("no-liveness"), help: ArgumentHelp(
        "Do not judge the lassos runs stumble on against the liveness properties.",
        discussion: "Keeping every state of a run to find its cycles costs time and memory on long runs."))
    var noLiveness = false

    @Option(name: .customLong("max-seconds"), parsing: .unconditional, help: "Stop (incomplete, exit 3) after this many seconds.")
    var maxSeconds: Double?

    func validate() throws {
        try selection.requireSpec()
        try OptionLimits.validate(runs, in: 1...OptionLimits.maxRuns, option: "--runs")
        try OptionLimits.validate(depth, in: 1...OptionLimits.maxSimulationDepth, option: "--depth")
        try OptionLimits.validate(seed, in: 0...Int(SimulationSeeds.maximum), option: "--seed")
        try OptionLimits.validateSeconds(maxSeconds)
    }

    func run() throws {
        let report = ResultReport(output)
        let spec = try selection.instantiate(reporting: report)
        var ir = noLemmas ? spec.withoutLemmas : spec
        if noLiveness { ir.liveness = [] }
        do { try output.checkWritable() } catch { throw report.error(error, spec: selection.name) }
        let progress = self.progress
        let options = simulationOptions(seed: seed.map(UInt64.init) ?? SimulationSeeds.random(), progress: progress)
        do {
            let result = try RandomSimulation(ir, options: options).run()
            progress?.finish()
            throw report.finish(Outcome(result, ir: ir, options: options, invocation: invocation))
        } catch let fault as ModelFault {
            progress?.finish()
            throw report.finish(.error(fault.description, command: "simulate", engine: "simulation", spec: ir, trace: fault.trace))
        } catch let error as SpecError {
            throw report.error(error, spec: selection.name)
        }
    }

    /// This command line without `--seed`, `--runs` and the output options: what a replay hint repeats.
    private var invocation: String {
        var words = ["kripke", "simulate", selection.name] + selection.parameters.map { "--param \($0)" }
        if depth != SimulationOptions.defaultDepth { words.append("--depth \(depth)") }
        if noDeadlock { words.append("--no-deadlock") }
        if noLemmas { words.append("--no-lemmas") }
        if noLiveness { words.append("--no-liveness") }
        return words.joined(separator: " ")
    }

    /// The progress line of this run (none with --quiet).
    private var progress: ProgressPrinter? {
        guard !output.quiet else { return nil }
        let parameters = selection.parameters.isEmpty ? "" : " (" + selection.parameters.joined(separator: ", ") + ")"
        return ProgressPrinter(title: "simulate \(selection.name)\(parameters)")
    }

    private func simulationOptions(seed: UInt64, progress: ProgressPrinter?) -> SimulationOptions {
        var options = SimulationOptions(seed: seed)
        options.runs = runs
        options.depth = depth
        options.checkDeadlock = !noDeadlock
        options.maxSeconds = maxSeconds
        if let progress { options.progress = { progress.print($0) } }
        let stop = StopSignals.cancellation()
        options.shouldStop = { stop.isCancelled }
        return options
    }
}
