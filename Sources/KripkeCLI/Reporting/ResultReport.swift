import ArgumentParser
import Explorer
import Foundation
import Kripke
import Traces

/// Prints the outcome of a command, as text for people or as the versioned JSON result for
/// machines, and maps it to the exit status.
///
/// ```swift
/// let status = ResultReport(json: true).checkResult(result, ir: ir, options: options)
/// throw ExitCode(status.rawValue)
/// ```
struct ResultReport {
    let json: Bool

    /// Prints a search result (with `warnings`, e.g. reports that could not be written, in the
    /// JSON); returns the exit status it implies.
    func checkResult(_ result: CheckResult, ir: SpecIR, options: SearchOptions, chart: Bool = false,
                     warnings: [String] = []) -> ExitStatus {
        let status: ExitStatus
        switch result.verdict {
        case .holds: status = .holds
        case .violated: status = .violated
        case .incomplete: status = .incomplete
        }
        if json {
            print(ResultJSON.withWarnings(ResultJSON.check(result, ir: ir, options: options), warnings).rendered())
        } else {
            print(ResultText.check(result, ir: ir, options: options))
            if chart, case .violated(let violation) = result.verdict {
                print("\nMessage-sequence chart:\n" + TextSequenceChart(width: TerminalWidth.current()).render(violation.trace))
            }
        }
        return status
    }

    /// Prints an error (unknown spec, bad parameter, invalid spec); returns the exit code to throw.
    func error(_ error: Error, spec: String) -> ExitCode {
        let message = String(describing: error)
        if json {
            print(ResultJSON.error(message, spec: spec).rendered())
        } else {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        }
        return ExitCode(ExitStatus.error.rawValue)
    }

    /// Prints a modelling error met during the search, with the run that reaches it.
    func modelFault(_ fault: ModelFault, ir: SpecIR) -> ExitCode {
        if json {
            print(ResultJSON.error(fault.description, spec: ir.name, trace: fault.trace, ir: ir).rendered())
        } else {
            let trace = TextTraceFormatter().format(fault.trace)
            FileHandle.standardError.write(Data("error: \(fault.description)\nThe state where it happens is reached by:\n\(trace)\n".utf8))
        }
        return ExitCode(ExitStatus.error.rawValue)
    }
}
