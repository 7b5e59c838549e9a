import Explorer
import Foundation
import Kripke
import Traces

/// The JUnit XML view of a check, for CI systems that show test reports: one test suite per
/// spec run, one test case per property (each invariant, deadlock freedom). A violated property
/// is a failure carrying the counterexample; properties a search did not settle are skipped
/// with the reason.
///
/// ```swift
/// try ResultJUnit.check(result, ir: ir, options: options).write(toFile: "kripke.xml", atomically: true, encoding: .utf8)
/// ```
enum ResultJUnit {
    static func check(_ result: CheckResult, ir: SpecIR, options: SearchOptions) -> String {
        let suite = ir.name + ResultText.parameterText(ir.parameters)
        let seconds = String(format: "%.3f", result.statistics.seconds)
        var cases: [String] = []
        var failures = 0, skipped = 0
        for (name, kind) in PropertyList.properties(ir: ir, options: options) {
            var body = ""
            switch result.verdict {
            case .holds:
                break
            case .violated(let violation) where violation.kind == kind:
                failures += 1
                let message = "\(violation.property) violated after \(violation.trace.length) steps"
                body = "<failure type=\"violation\" message=\"\(escape(message))\">\(escape(TextTraceFormatter().format(violation.trace)))</failure>"
            case .violated:
                skipped += 1
                body = "<skipped message=\"not settled: the search stopped at the first violation\"/>"
            case .incomplete(let reason):
                skipped += 1
                body = "<skipped message=\"\(escape("incomplete: " + reason))\"/>"
            }
            let open = "<testcase classname=\"\(escape(ir.name))\" name=\"\(escape(name))\" time=\"\(seconds)\""
            cases.append(body.isEmpty ? "    \(open)/>" : "    \(open)>\(body)</testcase>")
        }
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(seconds)\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kripke" \(counts)>
              <testsuite name="\(escape(suite))" \(counts)>
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>
            """
    }

    /// A run that ended in an error (a modelling fault): one test case that errs, so CI shows the
    /// error rather than an old report.
    static func error(_ message: String, ir: SpecIR) -> String {
        let suite = ir.name + ResultText.parameterText(ir.parameters)
        let counts = "tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0.000\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kripke" \(counts)>
              <testsuite name="\(escape(suite))" \(counts)>
                <testcase classname="\(escape(ir.name))" name="check" time="0.000"><error type="error" message="\(escape(message))"/></testcase>
              </testsuite>
            </testsuites>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The properties a check settles, by display name and violation kind, in report order.
enum PropertyList {
    static func properties(ir: SpecIR, options: SearchOptions) -> [(name: String, kind: Violation.Kind)] {
        var list = ir.invariants.map { (name: "\($0.isLemma ? "lemma" : "invariant") '\($0.name)'", kind: Violation.Kind.invariant($0.name)) }
        if options.checkDeadlock { list.append((name: "deadlock freedom", kind: .deadlock)) }
        return list
    }
}
