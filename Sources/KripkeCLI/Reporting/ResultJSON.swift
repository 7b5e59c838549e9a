import Explorer
import Foundation
import Kripke
import Traces

/// The versioned JSON result of a `kripke` run (schema `kripke.result/1`):
/// `schema`, `tool`, `spec`, `parameters`, `engine`, `options`, `verdict`, `properties`, `stats`,
/// and `counterexample` (ITF) when violated, `reason` when incomplete, `error` when an error,
/// `warnings` when a report file could not be written.
///
/// ```swift
/// print(ResultJSON.check(result, ir: ir, options: options).rendered())
/// ```
enum ResultJSON {
    static func check(_ result: CheckResult, ir: SpecIR, options: SearchOptions) -> JSONValue {
        var members = header(spec: ir.name, parameters: ir.parameters)
        members.append(("engine", .string("explorer")))
        members.append(("options", .object([
            ("search", .string("bfs")),
            ("deadlock", .bool(options.checkDeadlock)),
            ("workers", .int(options.workers)),
            ("partialOrder", .bool(options.reducesPartialOrder)),
            ("exactStates", .bool(options.exactStates)),
            ("symmetry", .bool(options.symmetry && ir.roles.contains { $0.symmetric && $0.count > 1 })),
            ("maxStates", options.maxStates.map { .int($0) } ?? .null),
            ("maxSeconds", options.maxSeconds.map { .number($0) } ?? .null),
            ("maxMemoryBytes", options.maxMemoryBytes.map { .int($0) } ?? .null),
        ])))
        members.append(("verdict", .string(verdictName(result.verdict))))
        members.append(("properties", .array(properties(result.verdict, ir: ir, options: options))))
        members.append(("stats", stats(result.statistics, exact: options.exactStates)))
        switch result.verdict {
        case .violated(let violation):
            members.append(("counterexample", ITF.encode(violation.trace, description: "\(violation.property) violated")))
            members.append(("counterexampleIsShortest", .bool(result.counterexampleIsShortest)))
        case .incomplete(let reason):
            members.append(("reason", .string(reason)))
        case .holds:
            break
        }
        return .object(members)
    }

    /// `result` with a `warnings` array of messages appended, when there are any.
    static func withWarnings(_ result: JSONValue, _ warnings: [String]) -> JSONValue {
        guard !warnings.isEmpty, case .object(let members) = result else { return result }
        return .object(members + [JSONValue.Member("warnings", .array(warnings.map(JSONValue.string)))])
    }

    static func error(_ message: String, spec: String, trace: Trace? = nil, ir: SpecIR? = nil) -> JSONValue {
        var members = header(spec: spec, parameters: ir?.parameters ?? [:])
        members.append(("verdict", .string("error")))
        members.append(("error", .string(message)))
        if let trace { members.append(("trace", ITF.encode(trace, description: message))) }
        return .object(members)
    }

    private static func header(spec: String, parameters: [String: Int]) -> [(String, JSONValue)] {
        [
            ("schema", .string(KripkeVersion.resultSchema)),
            ("tool", .object([("name", .string("kripke")), ("version", .string(KripkeVersion.current))])),
            ("spec", .string(spec)),
            ("parameters", .object(parameters.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
        ]
    }

    static func verdictName(_ verdict: Verdict) -> String {
        switch verdict {
        case .holds: return "holds"
        case .violated: return "violated"
        case .incomplete: return "incomplete"
        }
    }

    /// One entry per checked property: invariants by name, then deadlock freedom.
    private static func properties(_ verdict: Verdict, ir: SpecIR, options: SearchOptions) -> [JSONValue] {
        PropertyList.properties(ir: ir, options: options).map { property in
            let status: String
            switch verdict {
            case .holds: status = "holds"
            case .violated(let violation): status = violation.kind == property.kind ? "violated" : "unknown"
            case .incomplete: status = "unknown"
            }
            let kind = property.kind == .deadlock ? "deadlock" : "invariant"
            let name: String
            if case .invariant(let invariant) = property.kind { name = invariant } else { name = "deadlock freedom" }
            return .object([("name", .string(name)), ("kind", .string(kind)), ("verdict", .string(status))])
        }
    }

    private static func stats(_ statistics: SearchStatistics, exact: Bool) -> JSONValue {
        .object([
            ("states", .int(statistics.states)),
            ("transitions", .int(statistics.transitions)),
            ("depth", .int(statistics.depth)),
            ("seconds", .number((statistics.seconds * 1000).rounded() / 1000)),
            ("statesPerSecond", .number(statistics.statesPerSecond.rounded())),
            ("bytesPerState", .number((statistics.bytesPerState * 10).rounded() / 10)),
            ("fingerprintCollisionProbability", .number(exact ? 0 : statistics.fingerprintCollisionProbability)),
            ("peakMemoryBytes", .int(statistics.peakMemoryBytes)),
            ("networkOverflows", .int(statistics.overflows)),
            ("partialOrder", statistics.partialOrder.map { por in
                .object([("reducedStates", .int(por.reducedStates)), ("prunedTransitions", .int(por.prunedTransitions)),
                         ("provisoExpansions", .int(por.provisoExpansions)),
                         ("stoppedAtDepth", por.stoppedAtDepth.map { .int($0) } ?? .null)])
            } ?? .null),
            ("coverage", .array(statistics.coverage.map { action in
                .object([("action", .string(action.name)), ("transitions", .int(action.transitions)),
                         ("newStates", .int(action.newStates))])
            })),
        ])
    }
}
