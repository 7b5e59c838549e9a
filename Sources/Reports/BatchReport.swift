import Foundation
import Kripke
import Traces

/// One spec's outcome in a batch (`kripke check --all`), with the verdict its author declared.
///
/// ```swift
/// let entry = BatchEntry(outcome: outcome, expected: "violated")
/// print(entry.asExpected)
/// ```
public struct BatchEntry: Sendable {
    public let outcome: Outcome
    /// The verdict the spec declares (`holds` or `violated`).
    public let expected: String

    public init(outcome: Outcome, expected: String) {
        self.outcome = outcome
        self.expected = expected
    }

    public var asExpected: Bool { outcome.verdict.name == expected }
}

/// The reports of a batch run, the CI gate: a summary table for people, and one JSON result,
/// JUnit XML (a test case per spec: does its verdict match the declared one?) and SARIF (a run
/// per spec, flagging only the specs whose verdict does not match) for machines.
///
/// ```swift
/// print(BatchReport.text(entries))
/// try BatchReport.junit(entries).write(toFile: "kripke.xml", atomically: true, encoding: .utf8)
/// ```
public enum BatchReport {
    public static func text(_ entries: [BatchEntry]) -> String {
        let width = entries.map(\.outcome.title.count).max() ?? 0
        var lines = ["kripke check --all — \(entries.count) spec\(entries.count == 1 ? "" : "s") at their defaults"]
        for entry in entries {
            let outcome = entry.outcome
            let states = outcome.statistic("states").flatMap { if case .int(let n) = $0 { n } else { nil } }
            let seconds = outcome.statistic("seconds").flatMap { if case .number(let s) = $0 { s } else { nil } } ?? 0
            let figures = states.map { String(format: "%9d states %7.2f s", $0, seconds) } ?? ""
            let name = outcome.title.padding(toLength: width, withPad: " ", startingAt: 0)
            let mark = entry.asExpected ? "✓" : "✗"
            let summary = outcome.summary.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let detail = entry.asExpected ? "" : "   expected \(entry.expected): \(outcome.verdict.label) — \(summary)"
            lines.append("  \(mark) \(name)  \(outcome.verdict.name.padding(toLength: 10, withPad: " ", startingAt: 0))\(figures)\(detail)")
        }
        let mismatched = entries.filter { !$0.asExpected }.map(\.outcome.spec)
        lines.append(mismatched.isEmpty ? "All \(entries.count) as declared."
                     : "\(entries.count - mismatched.count) of \(entries.count) as declared; not: \(mismatched.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }

    public static func json(_ entries: [BatchEntry]) -> JSONValue {
        .object([
            ("schema", .string("kripke.batch/1")),
            ("tool", .object([("name", .string("kripke")), ("version", .string(KripkeVersion.current))])),
            ("command", .string("check --all")),
            ("summary", .object([("specs", .int(entries.count)), ("asDeclared", .int(entries.count { $0.asExpected })),
                                 ("notAsDeclared", .array(entries.filter { !$0.asExpected }.map { .string($0.outcome.spec) }))])),
            ("results", .array(entries.map { entry in
                guard case .object(let members) = OutcomeJSON.render(entry.outcome) else { return .null }
                return .object(members + [JSONValue.Member("expected", .string(entry.expected)),
                                          JSONValue.Member("asDeclared", .bool(entry.asExpected))])
            })),
        ])
    }

    public static func junit(_ entries: [BatchEntry]) -> String {
        var failures = 0, errors = 0
        var total = 0.0
        let cases = entries.map { entry -> String in
            let outcome = entry.outcome
            let seconds = outcome.statistic("seconds").flatMap { if case .number(let s) = $0 { s } else { nil } } ?? 0
            total += seconds
            let open = "<testcase classname=\"\(OutcomeJUnit.escape(OutcomeJUnit.className(outcome)))\" "
                + "name=\"\(OutcomeJUnit.escape("verdict is \(entry.expected)"))\" time=\"\(String(format: "%.3f", seconds))\""
            guard !entry.asExpected else { return "    \(open)/>" }
            let message = OutcomeJUnit.escape("expected \(entry.expected), got \(outcome.verdict.name): \(outcome.summary)")
            let body = OutcomeJUnit.escape(OutcomeText.render(outcome))
            switch outcome.verdict {
            case .incomplete, .error:
                errors += 1
                return "    \(open)><error type=\"\(outcome.verdict.name)\" message=\"\(message)\">\(body)</error></testcase>"
            default:
                failures += 1
                return "    \(open)><failure type=\"verdict\" message=\"\(message)\">\(body)</failure></testcase>"
            }
        }
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\" time=\"\(String(format: "%.3f", total))\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kripke" \(counts)>
              <testsuite name="kripke check --all" \(counts)>
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>
            """
    }

    public static func sarif(_ entries: [BatchEntry], root: String = FileManager.default.currentDirectoryPath) -> JSONValue {
        OutcomeSARIF.log(entries.map { OutcomeSARIF.run($0.outcome, root: root, flagging: !$0.asExpected) })
    }
}
