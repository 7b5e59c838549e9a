import ArgumentParser
import Foundation
import Kripke
import SMT
import Symbolic
import Verification

/// `kripke bmc <spec> --depth K`: bounded model checking with Z3. Every counterexample is
/// replayed on the explorer before it is printed.
///
/// ```text
/// $ kripke bmc ricart-agrawala-tie-bug --param N=2 --depth 10
/// Result: VIOLATED — invariant 'mutual exclusion' fails after 8 steps
/// ```
struct BMCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bmc",
        abstract: "Search every run of up to K steps for an invariant violation or deadlock, with Z3.",
        discussion: """
            Exit codes: 1 a property is violated (shortest counterexample printed); 3 no violation up to \
            depth K (only bounded: not a proof), or 0 with --bounded; 3 also when --max-seconds runs out \
            or SIGINT/SIGTERM stops it (the depth fully checked is reported); 2 usage, spec or solver error.
            """)

    @OptionGroup var selection: SpecSelection

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "The largest number of steps of the runs checked.")
    var depth: Int

    @Flag(name: .long, help: "A bounded check is what is asked for: exit 0 (not 3) when no violation is found.")
    var bounded = false

    @Option(name: .customLong("max-seconds"), parsing: .unconditional, help: "Stop after this many seconds (exit 3, with the depth fully checked).")
    var maxSeconds: Double?

    @Flag(name: .customLong("no-por"), help: "Explore every order of commuting steps (partial-order reduction off; a cross-check).")
    var noPOR = false

    @Flag(name: .customLong("no-deadlock"), help: "Do not report states without enabled steps as deadlocks.")
    var noDeadlock = false

    @Flag(name: .customLong("no-liveness"), help: ArgumentHelp(
        "Do not search for fair lassos that violate the spec's liveness properties.",
        discussion: "After the invariants hold to the depth, bmc looks for a fair lasso (a run into a cycle) of at "
            + "most that many steps."))
    var noLiveness = false

    func validate() throws {
        try selection.requireSpec()
        if depth < 0 { throw ValidationError("--depth must be at least 0") }
        try OptionLimits.validateSeconds(maxSeconds)
    }

    func run() throws {
        let report = ResultReport(output)
        let ir = try selection.instantiate(reporting: report)
        do { try output.checkWritable() } catch { throw report.error(error, spec: selection.name) }
        var checker = BoundedModelChecker(ir, checkDeadlock: !noDeadlock)
        checker.maxSeconds = maxSeconds
        checker.cancellation = StopSignals.cancellation()
        checker.partialOrderReduction = !noPOR
        if !output.quiet {
            checker.progress = { statistics in
                let line = String(format: "… depth %d checked, %.2f s\n", statistics.depth, statistics.secondsPerDepth.last ?? 0)
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        let result: BMCResult
        do {
            result = try checker.run(depth: depth)
        } catch let error as SMTError {
            throw report.error(CLIError(error), spec: selection.name)
        } catch {
            throw report.error(error, spec: selection.name)
        }
        var outcome = Outcome(result, ir: ir, depth: depth, deadlock: !noDeadlock, maxSeconds: maxSeconds)
        if case .holdsToDepth = result.verdict, !ir.liveness.isEmpty, !noLiveness {
            do {
                outcome.addBoundedLiveness(try BoundedLivenessChecker(ir).run(depth: depth), ir: ir, depth: depth)
            } catch let error as SMTError {
                throw report.error(CLIError(error), spec: selection.name)
            } catch {
                throw report.error(error, spec: selection.name)
            }
        }
        outcome.options.append(Statistic("bounded", .bool(bounded)))
        throw report.finish(outcome, boundedIsEnough: bounded)
    }
}
