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
    /// How the state or transition count moved from a baseline's, when it did ("states 3300 → 3301").
    public let drift: String?

    public init(outcome: Outcome, expected: String, drift: String? = nil) {
        self.outcome = outcome
        self.expected = expected
        self.drift = drift
    }

    /// The verdict is the declared one and the counts are the baseline's.
    public var asExpected: Bool { outcome.verdict.name == expected && drift == nil }

    /// What is off, in words: the verdict, or the counts.
    var problem: String {
        if outcome.verdict.name != expected {
            let summary = outcome.summary.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            return "expected \(expected): \(outcome.verdict.label) — \(summary)"
        }
        return drift.map { "drifted from the baseline: \($0)" } ?? ""
    }
}

/// The state and transition counts of a previous `check --all --json`, to catch an accidental
/// model change: a spec whose counts differ (at the same parameters) is not as declared.
///
/// ```swift
/// let baseline = try Baseline(JSONValue.parse(previousJSON))
/// let drift = baseline.drift(of: outcome)   // "states 3300 → 3301"
/// ```
public struct Baseline: Sendable {
    private var counts: [String: (parameters: [String: Int], states: Int, transitions: Int)] = [:]

    /// Reads the `results` of a `kripke.batch/1` JSON result.
    public init(_ json: JSONValue) throws {
        guard json["schema"] == .string("kripke.batch/1"), case .array(let results)? = json["results"] else {
            throw BaselineError("not the JSON result of `kripke check --all --json` (schema kripke.batch/1)")
        }
        for result in results {
            guard case .string(let spec)? = result["spec"], case .number(let states)? = result["stats"]?["states"],
                  case .number(let transitions)? = result["stats"]?["transitions"] else { continue }
            var parameters: [String: Int] = [:]
            if case .object(let members)? = result["parameters"] {
                for member in members { if case .number(let value) = member.value { parameters[member.key] = Int(value) } }
            }
            counts[spec] = (parameters, Int(states), Int(transitions))
        }
    }

    /// How `outcome`'s counts differ from the baseline's for the same spec and parameters; nil
    /// when they agree, or the baseline does not have them.
    public func drift(of outcome: Outcome) -> String? {
        guard let known = counts[outcome.spec], known.parameters == outcome.parameters,
              case .int(let states)? = outcome.statistic("states"),
              case .int(let transitions)? = outcome.statistic("transitions") else { return nil }
        var changes: [String] = []
        if states != known.states { changes.append("states \(known.states) → \(states)") }
        if transitions != known.transitions { changes.append("transitions \(known.transitions) → \(transitions)") }
        return changes.isEmpty ? nil : changes.joined(separator: ", ")
    }
}

/// A baseline file that is not one.
public struct BaselineError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
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
        var lines = ["kripke check --all — \(entries.count) spec\(entries.count == 1 ? " at its defaults" : "s at their defaults")"]
        for entry in entries {
            let outcome = entry.outcome
            let states = outcome.statistic("states").flatMap { if case .int(let n) = $0 { n } else { nil } }
            let seconds = outcome.seconds
            let figures = states.map { String(format: "%9d states %7.2f s", $0, seconds) } ?? ""
            let name = outcome.title.padding(toLength: width, withPad: " ", startingAt: 0)
            let mark = entry.asExpected ? "✓" : "✗"
            let detail = entry.asExpected ? "" : "   \(entry.problem)"
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
                                          JSONValue.Member("asDeclared", .bool(entry.asExpected))]
                               + (entry.drift.map { [JSONValue.Member("drift", .string($0))] } ?? []))
            })),
        ])
    }

    public static func junit(_ entries: [BatchEntry]) -> String {
        var failures = 0, errors = 0
        var total = 0.0
        let cases = entries.map { entry -> String in
            let outcome = entry.outcome
            let seconds = outcome.seconds
            total += seconds
            let open = "<testcase classname=\"\(OutcomeJUnit.escape(OutcomeJUnit.className(outcome)))\" "
                + "name=\"\(OutcomeJUnit.escape("verdict is \(entry.expected)"))\" time=\"\(String(format: "%.3f", seconds))\""
            guard !entry.asExpected else { return "    \(open)/>" }
            let message = OutcomeJUnit.escape(entry.problem)
            let body = OutcomeJUnit.escape(OutcomeText.render(outcome))
            switch outcome.verdict {
            case .incomplete, .error:
                errors += 1
                return "    \(open)><error type=\"\(outcome.verdict.name)\" message=\"\(message)\">\(body)</error></testcase>"
            default:
                failures += 1
                let type = outcome.verdict.name == entry.expected ? "drift" : "verdict"
                return "    \(open)><failure type=\"\(type)\" message=\"\(message)\">\(body)</failure></testcase>"
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
