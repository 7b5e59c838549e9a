import ArgumentParser
import Foundation
import Kripke
import SMT
import Symbolic
import Traces

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

    @Option(name: .long, help: "The largest number of steps of the runs checked.")
    var depth: Int


    @Flag(name: .long, help: "Print the result as one JSON object on stdout.")
    var json = false

    @Flag(name: .long, help: "A bounded check is what is asked for: exit 0 (not 3) when no violation is found.")
    var bounded = false

    @Option(name: .customLong("max-seconds"), parsing: .unconditional, help: "Stop after this many seconds (exit 3, with the depth fully checked).")
    var maxSeconds: Double?

    @Flag(name: .customLong("no-por"), help: "Explore every order of commuting steps (partial-order reduction off; a cross-check).")
    var noPOR = false

    @Flag(name: .customLong("no-deadlock"), help: "Do not report states without enabled steps as deadlocks.")
    var noDeadlock = false

    @Option(name: .customLong("trace-out"), help: "Write the counterexample, if any, to this file as ITF JSON.")
    var traceOut: String?

    @Flag(name: .long, help: "No progress messages on stderr.")
    var quiet = false

    func validate() throws {
        if depth < 0 { throw ValidationError("--depth must be at least 0") }
        try OptionLimits.validateSeconds(maxSeconds)
    }

    func run() throws {
        let report = ResultReport(json: json)
        let ir = try selection.instantiate(reporting: report)
        do {
            if let traceOut { try OutputFile.check(traceOut) }
        } catch {
            throw report.error(error, spec: selection.spec)
        }
        var checker = BoundedModelChecker(ir, checkDeadlock: !noDeadlock)
        checker.maxSeconds = maxSeconds
        checker.cancellation = StopSignals.cancellation()
        checker.partialOrderReduction = !noPOR
        if !quiet {
            checker.progress = { statistics in
                let line = String(format: "… depth %d checked, %.2f s\n", statistics.depth, statistics.secondsPerDepth.last ?? 0)
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        let result: BMCResult
        do {
            result = try checker.run(depth: depth)
        } catch let error as SMTError {
            throw report.error(CLIError(error), spec: selection.spec)
        } catch {
            throw report.error(error, spec: selection.spec)
        }
        let options = BMCReport.Options(depth: depth, deadlock: !noDeadlock, bounded: bounded, maxSeconds: maxSeconds)
        var warnings: [String] = []
        if case .violated(let counterexample) = result.verdict, let traceOut {
            let document = ITF.encode(counterexample.trace, description: "\(counterexample.description) violated")
            do {
                try OutputFile.write(document.rendered(), to: traceOut)
            } catch {
                warnings.append(String(describing: error))
                FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
            }
        }
        if json {
            print(ResultJSON.withWarnings(BMCReport.json(result, ir: ir, options: options), warnings).rendered())
        } else {
            print(BMCReport.text(result, ir: ir, options: options))
        }
        throw ExitCode(BMCReport.status(result, options: options).rawValue)
    }
}
