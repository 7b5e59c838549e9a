import Foundation
import Kripke
import Traces

/// The JUnit XML view of an outcome, for CI systems that show test reports: one test suite per
/// run, one test case per property. Test cases are named by the property and classed by command,
/// spec and parameters (`kripke.check.paxos[B=2,N=3]`), so runs of several instances never
/// collide. A violated property is a failure carrying the trace; a property the run could not
/// settle because it stopped early (a limit, an interrupt, a full network) is an *error*, never a
/// skip that dashboards show as green; one left unsettled by another property's violation is
/// skipped. A property no random run of a simulation broke passes, with a note that this is no proof. Each case carries its own time where the engine knows it (otherwise 0) and the file
/// and line of the property's declaration.
///
/// ```swift
/// try OutcomeJUnit.render(outcome).write(toFile: "kripke.xml", atomically: true, encoding: .utf8)
/// ```
public enum OutcomeJUnit {
    public static func render(_ outcome: Outcome, root: String = FileManager.default.currentDirectoryPath) -> String {
        let seconds = outcome.seconds
        var cases: [String] = []
        var failures = 0, errors = 0, skipped = 0
        let trace = outcome.trace.map { escape($0.heading + "\n" + TextTraceFormatter().format($0.trace)) } ?? ""
        if case .error(let message) = outcome.verdict {
            errors = 1
            cases.append("    " + testCase(outcome, name: outcome.command, seconds: 0, location: outcome.specLocation, root: root,
                                           body: "<error type=\"error\" message=\"\(escape(message))\">\(trace)</error>"))
        }
        for property in outcome.properties where !isError(outcome) {
            var body = ""
            switch property.verdict {
            case .holds, .proved:
                break
            case .holdsToDepth(let depth):
                body = "<system-out>holds in every run of at most \(depth) steps (bounded model checking, not a proof)</system-out>"
            case .noViolationFound:
                body = "<system-out>\(escape(noViolationNote(outcome.verdict)))</system-out>"
            case .violated:
                failures += 1
                let steps = outcome.trace.map { " after \($0.trace.length) steps" } ?? ""
                let instance = property.falsifiedBy.map { " — \($0)" } ?? ""
                body = "<failure type=\"violation\" message=\"\(escape("\(property.displayName) violated\(steps)\(instance)"))\">\(trace)</failure>"
            case .notInductive:
                errors += 1
                body = "<error type=\"not-inductive\" message=\"\(escape("\(property.displayName) is not inductive"))\">\(trace)</error>"
            case .unknown:
                if case .incomplete(let reason) = outcome.verdict {
                    errors += 1
                    body = "<error type=\"incomplete\" message=\"\(escape("incomplete: " + reason))\"/>"
                } else {
                    skipped += 1
                    body = "<skipped message=\"not settled: the run stopped at the first violation\"/>"
                }
            }
            cases.append("    " + testCase(outcome, name: property.displayName, seconds: property.seconds ?? 0,
                                           location: property.location ?? outcome.specLocation, root: root, body: body))
        }
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" "
            + "time=\"\(format(seconds))\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kripke" \(counts)>
              <testsuite name="\(escape("kripke \(outcome.command) \(outcome.title)"))" \(counts)>
                <properties>
                  <property name="engine" value="\(escape(outcome.engine))"/>
                  <property name="verdict" value="\(escape(outcome.verdict.name))"/>
                </properties>
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>
            """
    }

    /// The note a property that no random run broke carries: a passed test case, but not a proof.
    private static func noViolationNote(_ verdict: OutcomeVerdict) -> String {
        guard case .noViolationFound(let runs, let depth) = verdict else { return "no violation found (not a proof)" }
        return "no violation in \(runs) random run\(runs == 1 ? "" : "s") of up to \(depth) steps "
            + "(random simulation, not a proof: `kripke check` explores every state)"
    }

    /// `kripke.<command>.<spec>[<parameters>]`: dots separate the levels dashboards group by.
    public static func className(_ outcome: Outcome) -> String {
        let parameters = outcome.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "kripke.\(outcome.command).\(outcome.spec)" + (parameters.isEmpty ? "" : "[\(parameters.joined(separator: ","))]")
    }

    private static func isError(_ outcome: Outcome) -> Bool {
        if case .error = outcome.verdict { return true }
        return false
    }

    private static func testCase(_ outcome: Outcome, name: String, seconds: Double, location: SourceLocation?,
                                 root: String, body: String) -> String {
        var attributes = "classname=\"\(escape(className(outcome)))\" name=\"\(escape(name))\" time=\"\(format(seconds))\""
        if let location, location.isKnown {
            let reference = SourceReference(location, root: root)
            attributes += " file=\"\(escape(reference.displayPath))\" line=\"\(reference.line)\""
        }
        return body.isEmpty ? "<testcase \(attributes)/>" : "<testcase \(attributes)>\(body)</testcase>"
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// `text` with the five XML special characters escaped, and control characters XML 1.0 forbids dropped.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n", "\t", "\r": escaped.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}
