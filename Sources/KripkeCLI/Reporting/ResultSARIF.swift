import Explorer
import Foundation
import Kripke
import Traces

/// The SARIF 2.1.0 view of a check, for code-scanning dashboards: one rule per property, one
/// result per violation located at the property's declaration, with the counterexample as a
/// code flow of steps.
///
/// ```swift
/// print(ResultSARIF.check(result, ir: ir, options: options).rendered())
/// ```
enum ResultSARIF {
    static func check(_ result: CheckResult, ir: SpecIR, options: SearchOptions) -> JSONValue {
        let properties = PropertyList.properties(ir: ir, options: options)
        let rules: [JSONValue] = properties.map { property in
            .object([("id", .string(ruleID(property.kind))), ("shortDescription", .object([("text", .string(property.name))]))])
        }
        var results: [JSONValue] = []
        switch result.verdict {
        case .violated(let violation):
            var members: [(String, JSONValue)] = [
                ("ruleId", .string(ruleID(violation.kind))),
                ("level", .string("error")),
                ("message", .object([("text", .string(
                    "\(violation.property) of spec '\(ir.name)'\(ResultText.parameterText(ir.parameters)) is violated after \(violation.trace.length) steps"))])),
            ]
            if case .invariant(let name) = violation.kind, let declaration = ir.invariants.first(where: { $0.name == name }) {
                members.append(("locations", .array([location(declaration.location)])))
            }
            members.append(("codeFlows", .array([codeFlow(violation.trace)])))
            results.append(.object(members))
        case .incomplete(let reason):
            results.append(.object([
                ("ruleId", .string("kripke/incomplete")), ("level", .string("warning")),
                ("message", .object([("text", .string("check of '\(ir.name)' is incomplete: \(reason)"))])),
            ]))
        case .holds:
            break
        }
        let driver: JSONValue = .object([
            ("name", .string("kripke")), ("version", .string(KripkeVersion.current)),
            ("rules", .array(rules)),
        ])
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([("tool", .object([("driver", driver)])), ("results", .array(results))])])),
        ])
    }

    /// A run that ended in an error (a modelling fault): one error result, so a dashboard shows it
    /// rather than an old report.
    static func error(_ message: String, ir: SpecIR) -> JSONValue {
        let driver: JSONValue = .object([("name", .string("kripke")), ("version", .string(KripkeVersion.current)),
                                         ("rules", .array([]))])
        let result: JSONValue = .object([
            ("ruleId", .string("kripke/error")), ("level", .string("error")),
            ("message", .object([("text", .string("check of '\(ir.name)'\(ResultText.parameterText(ir.parameters)) failed: \(message)"))])),
        ])
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([("tool", .object([("driver", driver)])), ("results", .array([result]))])])),
        ])
    }

    private static func ruleID(_ kind: Violation.Kind) -> String {
        switch kind {
        case .invariant(let name): return "invariant/" + name
        case .deadlock: return "deadlock"
        }
    }

    /// The declaration site; `file` is the Swift `#fileID` (module/file), the closest SwiftPM gives.
    private static func location(_ source: SourceLocation) -> JSONValue {
        .object([("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(source.file))])),
            ("region", .object([("startLine", .int(source.line))])),
        ]))])
    }

    private static func codeFlow(_ trace: Trace) -> JSONValue {
        let steps: [JSONValue] = trace.steps.enumerated().map { index, step in
            .object([("location", .object([("message", .object([("text", .string("Step \(index + 1): \(step)"))]))]))])
        }
        return .object([("threadFlows", .array([.object([("locations", .array(steps))])]))])
    }
}
