import ArgumentParser
import Foundation
import Kripke
import Reports
import Traces

/// Writes the reports a command was asked for and prints its outcome, as text for people or as the
/// versioned JSON result for machines; maps the outcome to the exit status. Every engine command
/// goes through here, so each gets the same outputs.
///
/// ```swift
/// let report = ResultReport(output)
/// throw report.finish(Outcome(result, ir: ir, options: options))
/// ```
struct ResultReport {
    let output: OutputOptions

    init(_ output: OutputOptions) {
        self.output = output
    }

    /// Writes every requested report (a report that cannot be written is a warning, on stderr and in
    /// the JSON; the verdict's exit code stays), prints the outcome and returns the exit code to throw.
    /// With `boundedIsEnough`, a bounded verdict (holds to depth K) exits 0 rather than 3.
    func finish(_ outcome: Outcome, boundedIsEnough: Bool = false) -> ExitCode {
        var outcome = outcome
        func save(_ text: () -> String, to path: String?) {
            guard let path else { return }
            do { try OutputFile.write(text(), to: path) } catch { outcome.warnings.append(String(describing: error)) }
        }
        if let run = outcome.trace, run.kind != .toError {
            save({ ITF.encode(run.trace, description: run.description).rendered() }, to: output.traceOut)
        }
        if let run = outcome.trace {
            let title = "kripke \(outcome.command) \(outcome.title) — \(outcome.verdict.label): \(outcome.summary)"
            save({ HTMLSequenceChart().render(run.trace, property: run.property, title: title) }, to: output.html)
        }
        let written = outcome
        save({ OutcomeJUnit.render(written) }, to: output.junit)
        save({ OutcomeSARIF.render(written).rendered() }, to: output.sarif)
        for warning in outcome.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if output.json {
            print(OutcomeJSON.render(outcome).rendered())
        } else if case .error(let message) = outcome.verdict {
            var text = "error: \(message)\n"
            if let run = outcome.trace { text += "The state where it happens is reached by:\n\(TextTraceFormatter().format(run.trace))\n" }
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            print(Self.coloured(OutcomeText.render(outcome), verdict: outcome.verdict))
            if output.msc, let run = outcome.trace {
                print("\nMessage-sequence chart:\n" + TextSequenceChart(width: TerminalWidth.current()).render(run.trace))
            }
        }
        return ExitCode(Self.status(outcome.verdict, boundedIsEnough: boundedIsEnough).rawValue)
    }

    /// `text` with its verdict in colour (green holds or proved, red violated, yellow otherwise)
    /// when stdout is a terminal and `NO_COLOR` is not set (https://no-color.org).
    static func coloured(_ text: String, verdict: OutcomeVerdict) -> String {
        guard isatty(STDOUT_FILENO) == 1, ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true else {
            return text
        }
        let code = switch verdict {
        case .holds, .proved: "32"
        case .violated, .error: "31"
        default: "33"
        }
        let label = "Result: \(verdict.label)"
        guard let range = text.range(of: label) else { return text }
        return text.replacingCharacters(in: range, with: "Result: \u{1B}[1;\(code)m\(verdict.label)\u{1B}[0m")
    }

    /// The exit status a verdict implies.
    static func status(_ verdict: OutcomeVerdict, boundedIsEnough: Bool) -> ExitStatus {
        switch verdict {
        case .holds, .proved, .noViolationFound: .holds
        case .violated: .violated
        case .holdsToDepth: boundedIsEnough ? .holds : .incomplete
        case .notInductive, .incomplete: .incomplete
        case .error: .error
        }
    }

    /// Prints an error met before there is an outcome (unknown spec, bad parameter, invalid spec,
    /// a report that cannot be written); returns the exit code to throw.
    func error(_ error: Error, spec: String, parameters: [String: Int] = [:]) -> ExitCode {
        Self.error(error, spec: spec, parameters: parameters, json: output.json)
    }

    static func error(_ error: Error, spec: String, parameters: [String: Int] = [:], json: Bool) -> ExitCode {
        let message = String(describing: error)
        if json {
            print(JSONValue.object([
                ("schema", .string(KripkeVersion.resultSchema)),
                ("tool", .object([("name", .string("kripke")), ("version", .string(KripkeVersion.current))])),
                ("spec", .string(spec)),
                ("parameters", .object(parameters.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ("verdict", .string("error")), ("error", .string(message)),
            ]).rendered())
        } else {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        }
        return ExitCode(ExitStatus.error.rawValue)
    }
}
