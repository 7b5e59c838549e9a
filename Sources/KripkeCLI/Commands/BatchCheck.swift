import ArgumentParser
import Explorer
import Foundation
import Kripke
import Reports
import Traces
import Verification

/// `kripke check --all`: every installed spec at its defaults, each verdict compared with the one
/// its author declared — the CI gate. One summary table (or one JSON result), and JUnit and SARIF
/// for the whole batch.
///
/// ```swift
/// throw try BatchCheck(output: output, filter: ["paxos"], baseline: nil, withoutLemmas: false, options: options).run()
/// ```
struct BatchCheck {
    let output: OutputOptions
    /// Only specs whose name contains one of these (all specs when empty).
    let filter: [String]
    /// The file of an earlier batch's JSON, whose counts each spec must keep.
    let baseline: String?
    let withoutLemmas: Bool
    let options: SearchOptions

    /// Runs the batch; returns the exit code to throw.
    func run() throws -> ExitCode {
        let counts: Baseline?
        do {
            try output.checkWritable()
            counts = try baseline.map { path in
                // Read as a stream, so a pipe (`--baseline <(…)`) works as well as a file.
                guard let data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile(),
                      let text = String(data: data, encoding: .utf8) else {
                    throw CLIError("cannot read the baseline '\(path)'")
                }
                do { return try Baseline(JSONValue.parse(text)) } catch { throw CLIError("the baseline '\(path)' is \(error)") }
            }
        } catch {
            return ResultReport.error(error, spec: "--all", json: output.json)
        }
        let specs = SpecCatalog.specs.filter { spec in filter.isEmpty || filter.contains { spec.name.contains($0) } }
        guard !specs.isEmpty else {
            let patterns = filter.map { "'\($0)'" }.joined(separator: " or ")
            return ResultReport.error(CLIError("no spec's name contains \(patterns) (see `kripke list`)"), spec: "--all",
                                      json: output.json)
        }
        var entries: [BatchEntry] = []
        for spec in specs {
            if !output.quiet { FileHandle.standardError.write(Data("… \(spec.name)\n".utf8)) }
            let outcome = outcome(of: spec)
            entries.append(BatchEntry(outcome: outcome, expected: spec.expectation.rawValue, drift: counts?.drift(of: outcome)))
        }
        var warnings: [String] = []
        func save(_ text: () -> String, to path: String?) {
            guard let path else { return }
            do { try OutputFile.write(text(), to: path) } catch { warnings.append(String(describing: error)) }
        }
        save({ BatchReport.junit(entries) }, to: output.junit)
        save({ BatchReport.sarif(entries).rendered() }, to: output.sarif)
        for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if output.json {
            var result = BatchReport.json(entries)
            if !warnings.isEmpty, case .object(let members) = result {
                result = .object(members + [JSONValue.Member("warnings", .array(warnings.map(JSONValue.string)))])
            }
            print(result.rendered())
        } else {
            print(BatchReport.text(entries))
        }
        return ExitCode(Self.status(entries).rawValue)
    }

    private func outcome(of spec: SpecDefinition) -> Outcome {
        let ir: SpecIR
        do {
            let full = try spec.instantiate()
            ir = withoutLemmas ? full.withoutLemmas : full
        } catch {   // an invalid spec or default parameters out of range: an error entry, not the end of the batch
            let message = String(describing: error)
            return Outcome(command: "check", engine: "explorer", method: "explorer", spec: spec.name, parameters: [:],
                           specLocation: spec.location, verdict: .error(message), summary: message, properties: [])
        }
        do {
            return try Outcome.check(ir, options: options)
        } catch let fault as ModelFault {
            return .error(fault.description, command: "check", engine: "explorer", spec: ir, trace: fault.trace)
        } catch {
            return .error(String(describing: error), command: "check", engine: "explorer", spec: ir)
        }
    }

    /// 0 when every verdict is as declared (and every count as the baseline's); otherwise 2 if one
    /// erred, else 1 if a verdict or a count differs, else 3.
    static func status(_ entries: [BatchEntry]) -> ExitStatus {
        let off = entries.filter { !$0.asExpected }
        if off.isEmpty { return .holds }
        if off.contains(where: { if case .error = $0.outcome.verdict { true } else { false } }) { return .error }
        if off.contains(where: { $0.outcome.verdict == .holds || $0.outcome.verdict == .violated || $0.drift != nil }) {
            return .violated
        }
        return .incomplete
    }
}
