import ArgumentParser
import Explorer
import Foundation
import Kripke
import Verification

/// `kripke check <spec>`: exhaustive breadth-first search with the explorer.
///
/// ```text
/// $ kripke check ricart-agrawala-tie-bug --param N=2
/// Result: VIOLATED — invariant 'mutual exclusion' fails after 8 steps
/// ```
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Explore every reachable state of a spec (BFS) and check its invariants and deadlock freedom.")

    @OptionGroup var selection: SpecSelection

    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: ArgumentHelp(
        "Check every spec at its defaults and compare each verdict with the one the spec declares (a CI gate).",
        discussion: "Prints one summary table; --json, --junit and --sarif cover the whole batch. Exit 0 when every "
            + "verdict is as declared, 1 when one differs, 3 when one is incomplete, 2 on an error."))
    var all = false

    @Option(name: .long, help: "With --all: only the specs whose name contains this text (repeat for several).")
    var filter: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "With --all: the JSON of an earlier `check --all --json`; a spec whose state or transition count differs fails.",
        discussion: "Catches an accidental change to a model in review. Make the baseline with the same options."))
    var baseline: String?

    @Flag(name: .customLong("no-deadlock"), help: "Do not report states without enabled steps as deadlocks.")
    var noDeadlock = false

    @Flag(name: .customLong("no-lemmas"), help: ArgumentHelp(
        "Check the invariants only, not the spec's helper lemmas.",
        discussion: "Lemmas (s.lemma) are proof aids that `kripke prove` proves; checking them here too is a "
            + "cross-check that can cost several times the search time."))
    var noLemmas = false

    @Option(name: .customLong("invariant"), help: ArgumentHelp(
        "Check only this invariant or lemma (repeat for several).",
        discussion: "As TLC's INVARIANT list: the other invariants are not checked (Assert statements still are, "
            + "as in TLC), and partial-order reduction then only needs to keep the steps that can break these.",
        valueName: "NAME"))
    var invariantNames: [String] = []

    @Flag(name: .customLong("no-invariants"), help: "Check no invariant and no Assert: only deadlocks (as SPIN without assertions).")
    var noInvariants = false

    @Flag(name: .customLong("no-liveness"), help: ArgumentHelp(
        "Do not check the spec's liveness properties.",
        discussion: "Liveness is checked after the invariants hold, on the whole state graph without reductions."))
    var noLiveness = false

    @Flag(name: .customLong("no-symmetry"), help: "Store every state, not one per orbit of symmetric process ids.")
    var noSymmetry = false

    @Flag(name: .customLong("no-por"), help: "Explore every interleaving: no partial-order reduction.")
    var noPOR = false

    @Flag(name: .customLong("always-por"), help: ArgumentHelp(
        "Keep partial-order reduction on even where it leaves out few transitions.",
        discussion: "By default it stops after 20,000 states if it has left out under 20 % of the transitions."))
    var alwaysPOR = false

    @Flag(name: .long, help: ArgumentHelp(
        "Store every state in full, not only its 64-bit fingerprint: no collision can drop a state.",
        discussion: "Costs the packed state's size per state (see bytes/state), and turns partial-order reduction off."))
    var exact = false

    @Flag(name: .long, help: ArgumentHelp(
        "With partial-order reduction, re-search a counterexample's depth without it for a shortest one.",
        discussion: "A counterexample found under the reduction is a real run, replayable, but may be longer "
            + "than necessary."))
    var shortest = false

    @Option(parsing: .unconditional, help: "Threads expanding states (default: one per core, at most 8). Results do not depend on it.")
    var workers: Int?

    @Option(name: .customLong("max-states"), parsing: .unconditional, help: "Stop (incomplete, exit 3) after this many distinct states.")
    var maxStates: Int?

    @Option(name: .customLong("max-seconds"), parsing: .unconditional, help: "Stop (incomplete, exit 3) after this many seconds.")
    var maxSeconds: Double?

    @Option(name: .customLong("max-memory"), parsing: .unconditional, help: ArgumentHelp(
        "Stop (incomplete, exit 3) when resident memory exceeds this many MiB.",
        discussion: "By default: 85 % of the memory available when the run starts, so a run too big for the machine "
            + "ends with its statistics instead of swapping."))
    var maxMemory: Int?

    func validate() throws {
        if all && selection.spec != nil { throw ValidationError("give a spec or --all, not both") }
        if all && !selection.parameters.isEmpty { throw ValidationError("--all checks every spec at its defaults: no --param") }
        if !all { try selection.requireSpec() }
        if noInvariants && !invariantNames.isEmpty { throw ValidationError("--no-invariants and --invariant exclude each other") }
        if all && (noInvariants || !invariantNames.isEmpty) {
            throw ValidationError("--all checks every spec's own properties: no --invariant or --no-invariants")
        }
        if (!filter.isEmpty || baseline != nil) && !all { throw ValidationError("--filter and --baseline go with --all") }
        if let maxStates, maxStates < 1 { throw ValidationError("--max-states must be at least 1") }
        try OptionLimits.validateSeconds(maxSeconds)
        if let maxMemory, !(1...OptionLimits.maxMemoryMiB).contains(maxMemory) {
            throw ValidationError("--max-memory must be between 1 and \(OptionLimits.maxMemoryMiB) (MiB)")
        }
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers must be between 1 and 256") }
    }

    func run() throws {
        if all {
            throw try BatchCheck(output: output, filter: filter, baseline: baseline, withoutLemmas: noLemmas,
                                 options: searchOptions()).run()
        }
        let report = ResultReport(output)
        let spec = try selection.instantiate(reporting: report)
        let checked = noLemmas ? spec.withoutLemmas : spec
        let known = spec.invariants.map(\.name)
        if let unknown = invariantNames.first(where: { !known.contains($0) }) {
            throw report.error(UnknownProperty(name: unknown, spec: spec.name, known: known), spec: selection.name,
                               parameters: spec.parameters)
        }
        let selected = noInvariants || !invariantNames.isEmpty ? checked.keepingInvariants(named: invariantNames) : checked
        let ir = noInvariants ? selected.withoutAssertions : selected
        do { try output.checkWritable() } catch { throw report.error(error, spec: selection.name) }
        let progress = self.progress
        let options = searchOptions(progress: progress)
        do {
            let outcome = try Outcome.check(ir, options: options, liveness: !noLiveness)
            progress?.finish()
            throw report.finish(outcome)
        } catch let fault as ModelFault {
            progress?.finish()
            // The reports say so too, so CI does not pick up an old one.
            throw report.finish(.error(fault.description, command: "check", engine: "explorer", spec: ir, trace: fault.trace))
        } catch let error as SpecError {
            throw report.error(error, spec: selection.name)
        }
    }

    /// The progress line of this run (none with --quiet or --all).
    private var progress: ProgressPrinter? {
        guard !output.quiet, !all else { return nil }
        let parameters = selection.parameters.isEmpty ? "" : " (" + selection.parameters.joined(separator: ", ") + ")"
        return ProgressPrinter(title: "check \(selection.name)\(parameters)")
    }

    private func searchOptions(progress: ProgressPrinter? = nil) -> SearchOptions {
        var options = SearchOptions()
        options.checkDeadlock = !noDeadlock
        options.symmetry = !noSymmetry
        options.partialOrder = !noPOR
        options.exactStates = exact
        options.shortestCounterexample = shortest
        options.adaptivePartialOrder = !alwaysPOR
        options.workers = workers ?? min(8, ProcessInfo.processInfo.activeProcessorCount)
        options.maxStates = maxStates
        options.maxSeconds = maxSeconds
        options.maxMemoryBytes = maxMemory.map { $0 * 1_048_576 } ?? ResidentMemory.defaultLimit()
        if let progress { options.progress = { progress.print($0) } }
        let stop = StopSignals.cancellation()
        options.shouldStop = { stop.isCancelled }
        return options
    }
}

