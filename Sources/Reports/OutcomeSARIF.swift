import Foundation
import Kripke
import Traces

/// The SARIF 2.1.0 view of an outcome, for code-scanning dashboards (GitHub code scanning among
/// them): one rule per property plus `kripke/incomplete` and `kripke/error`; one result per
/// violated (or not inductive) property, per incomplete run and per error (none for a simulation
/// that found no violation). Every result has a
/// location — the property's declaration, or the spec's for deadlocks, incomplete runs and errors
/// — as a path relative to `%SRCROOT%` (the directory `kripke` ran in), a stable
/// `partialFingerprints` entry, and the trace as a code flow whose steps point at their actions.
///
/// ```swift
/// try OutcomeSARIF.render(outcome).rendered().write(toFile: "kripke.sarif", atomically: true, encoding: .utf8)
/// ```
public enum OutcomeSARIF {
    static let rootID = "SRCROOT"

    public static func render(_ outcome: Outcome, root: String = FileManager.default.currentDirectoryPath) -> JSONValue {
        log([run(outcome, root: root)])
    }

    /// A SARIF log of `runs`.
    static func log(_ runs: [JSONValue]) -> JSONValue {
        .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array(runs)),
        ])
    }

    /// The SARIF run of one outcome; with `flagging: false`, without results (the outcome is what
    /// was expected, so there is nothing to flag).
    static func run(_ outcome: Outcome, root: String, flagging: Bool = true) -> JSONValue {
        var rules = outcome.properties.map { rule(for: $0) }
        rules.append(rule(id: "kripke/incomplete", name: "Incomplete", level: "warning",
                          text: "The run stopped before it settled every property",
                          help: "A limit (--max-states, --max-seconds, --max-memory, --depth), an interrupt or a full "
                            + "network ended the run early: raise the limit or the network's capacity."))
        rules.append(rule(id: "kripke/error", name: "Error", level: "error", text: "The run could not be carried out",
                          help: "A modelling error in the spec (a value outside its domain, an index out of range) or a "
                            + "solver failure."))
        var results: [JSONValue] = []
        for (index, property) in outcome.properties.enumerated() {
            switch property.verdict {
            case .violated:
                let steps = outcome.trace.map { " after \($0.trace.length) steps" } ?? ""
                results.append(result(outcome, ruleIndex: index, ruleID: ruleID(property), level: "error",
                                      message: "\(property.displayName) of \(outcome.title) is violated\(steps)"
                                        + (property.falsifiedBy.map { " — \($0)" } ?? ""),
                                      location: property.location, root: root))
            case .notInductive:
                results.append(result(outcome, ruleIndex: index, ruleID: ruleID(property), level: "warning",
                                      message: "\(property.displayName) of \(outcome.title) is not inductive: "
                                        + "a counterexample to induction ends in a state violating it",
                                      location: property.location, root: root))
            case .holds, .proved, .holdsToDepth, .noViolationFound, .unknown:
                break
            }
        }
        switch outcome.verdict {
        case .incomplete(let reason):
            results.append(result(outcome, ruleIndex: rules.count - 2, ruleID: "kripke/incomplete", level: "warning",
                                  message: "\(outcome.command) of \(outcome.title) is incomplete: \(reason)",
                                  location: nil, root: root))
        case .error(let message):
            results.append(result(outcome, ruleIndex: rules.count - 1, ruleID: "kripke/error", level: "error",
                                  message: "\(outcome.command) of \(outcome.title) failed: \(message)",
                                  location: nil, root: root))
        case .holds, .proved, .violated, .holdsToDepth, .notInductive, .noViolationFound:
            break
        }
        let driver: JSONValue = .object([
            ("name", .string("kripke")), ("version", .string(KripkeVersion.current)),
            ("rules", .array(rules)),
        ])
        var executionSuccessful = true
        if case .error = outcome.verdict { executionSuccessful = false }
        return .object([
            ("tool", .object([("driver", driver)])),
            ("automationDetails", .object([("id", .string("kripke/\(outcome.command)/\(outcome.spec)/"))])),
            ("originalUriBaseIds", .object([(rootID, .object([("uri", .string(rootURI(root)))]))])),
            ("invocations", .array([.object([("executionSuccessful", .bool(executionSuccessful))])])),
            ("results", .array(flagging ? results : [])),
        ])
    }

    private static func ruleID(_ property: PropertyOutcome) -> String {
        property.kind == .deadlock ? "deadlock" : "\(property.kind.rawValue)/\(property.name)"
    }

    private static func rule(for property: PropertyOutcome) -> JSONValue {
        let help: String
        switch property.kind {
        case .invariant: help = "The invariant must hold in every reachable state. The result's code flow is a run "
            + "that ends in a state violating it; `kripke trace show` prints it with the changed variables per step."
        case .lemma: help = "A helper lemma `kripke prove` assumes: it must hold in every reachable state."
        case .assertion: help = "Every step that executes this Assert must find its condition true. The result's code "
            + "flow is a run whose last step executes it with the condition false."
        case .deadlock: help = "Every reachable state has an enabled step, or is a declared valid end state. "
            + "The result's code flow is a run to a state where no process can move."
        case .liveness: help = "On every fair run, whenever the premise holds the conclusion holds then or later. "
            + "The result's code flow is a lasso: a run to a cycle that a fair run can repeat forever without it."
        }
        return rule(id: ruleID(property), name: property.displayName, level: "error", text: property.displayName, help: help)
    }

    private static func rule(id: String, name: String, level: String, text: String, help: String) -> JSONValue {
        .object([
            ("id", .string(id)), ("name", .string(name)),
            ("shortDescription", .object([("text", .string(text))])),
            ("fullDescription", .object([("text", .string(text + ". " + help))])),
            ("help", .object([("text", .string(help)), ("markdown", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(level))])),
        ])
    }

    private static func result(_ outcome: Outcome, ruleIndex: Int, ruleID: String, level: String, message: String,
                               location: SourceLocation?, root: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(ruleID)), ("ruleIndex", .int(ruleIndex)), ("level", .string(level)),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([physicalLocation(location ?? outcome.specLocation, outcome: outcome, root: root)])),
            ("partialFingerprints", .object([("kripkeResult/v1", .string(fingerprint([outcome.command, ruleID, outcome.title])))])),
        ]
        if let run = outcome.trace { members.append(("codeFlows", .array([codeFlow(run, outcome: outcome, root: root)]))) }
        return .object(members)
    }

    /// Where a declaration is; a location is never left out (GitHub rejects results without one),
    /// so a spec built without a `SpecDefinition` is located by its name.
    private static func physicalLocation(_ location: SourceLocation?, outcome: Outcome, root: String,
                                         message: String? = nil) -> JSONValue {
        let artifact: JSONValue
        var region: [(String, JSONValue)] = []
        if let location, location.isKnown {
            let reference = SourceReference(location, root: root)
            artifact = reference.relativePath.map { .object([("uri", .string(percentEncoded($0))), ("uriBaseId", .string(rootID))]) }
                ?? .object([("uri", .string(URL(fileURLWithPath: reference.path).absoluteString))])
            region = [("startLine", .int(reference.line))]
        } else {
            artifact = .object([("uri", .string(percentEncoded(outcome.spec))), ("uriBaseId", .string(rootID))])
        }
        var physical: [(String, JSONValue)] = [("artifactLocation", artifact)]
        if !region.isEmpty { physical.append(("region", .object(region))) }
        var members: [(String, JSONValue)] = [("physicalLocation", .object(physical))]
        if let message { members.append(("message", .object([("text", .string(message))]))) }
        return .object(members)
    }

    private static func codeFlow(_ run: OutcomeTrace, outcome: Outcome, root: String) -> JSONValue {
        let steps: [JSONValue] = run.trace.steps.enumerated().map { index, step in
            let location = index < run.stepLocations.count ? run.stepLocations[index] : nil
            return .object([("location", physicalLocation(location ?? outcome.specLocation, outcome: outcome, root: root,
                                                          message: "Step \(index + 1): \(step)"))])
        }
        return .object([
            ("message", .object([("text", .string(run.description))])),
            ("threadFlows", .array([.object([("locations", .array(steps))])])),
        ])
    }

    private static func rootURI(_ root: String) -> String {
        URL(fileURLWithPath: root, isDirectory: true).absoluteString
    }

    private static func percentEncoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    /// FNV-1a over the parts, as 16 hex digits: the same result of the same spec keeps its fingerprint.
    private static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
