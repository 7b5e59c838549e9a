import Foundation
import Kripke
import Symbolic
import Traces

/// The text and JSON forms of a `kripke bmc` result, and its exit status. The JSON follows the
/// `kripke.result/1` schema of `check` with `"engine": "bmc"`; a violation-free run has the verdict
/// `"holds-to-depth"` and says how deep it looked.
///
/// ```swift
/// print(BMCReport.text(result, ir: ir, options: .init(depth: 10, deadlock: true, bounded: false)))
/// ```
enum BMCReport {
    struct Options {
        let depth: Int
        let deadlock: Bool
        let bounded: Bool
        var maxSeconds: Double? = nil
    }

    static func status(_ result: BMCResult, options: Options) -> ExitStatus {
        switch result.verdict {
        case .violated: return .violated
        case .holdsToDepth: return options.bounded ? .holds : .incomplete
        case .timedOut, .networkFull: return .incomplete
        }
    }

    private static func propertyNames(_ ir: SpecIR, _ options: Options) -> [String] {
        ir.invariants.map { "'\($0.name)'" } + (options.deadlock ? ["deadlock freedom"] : [])
    }

    static func text(_ result: BMCResult, ir: SpecIR, options: Options) -> String {
        var lines = ["kripke bmc \(ir.name)\(ResultText.parameterText(ir.parameters)) — symbolic, bounded model checking (Z3)"]
        let statistics = result.statistics
        switch result.verdict {
        case .violated(let counterexample):
            lines.append("Result: VIOLATED — \(counterexample.description) fails after \(counterexample.trace.length) steps")
        case .holdsToDepth(let depth):
            let names = propertyNames(ir, options)
            lines.append("Result: HOLDS UP TO DEPTH \(depth) — \(names.joined(separator: ", ")) "
                         + "\(names.count == 1 ? "holds" : "hold") in every run of at most \(depth) steps "
                         + "(bounded, not a proof)")
        case .timedOut(let checked):
            let names = propertyNames(ir, options)
            let stop = statistics.cancelled ? "interrupted"
                : "the time limit of \(options.maxSeconds.map { String(format: "%g", $0) } ?? "?") s ran out"
            lines.append("Result: INCOMPLETE — \(stop) at depth "
                         + "\(checked + 1)" + (checked < 0 ? "" : "; \(names.joined(separator: ", ")) "
                         + "\(names.count == 1 ? "holds" : "hold") in every run of at most \(checked) steps"))
        case .networkFull(let overflow, let checked):
            let names = propertyNames(ir, options)
            lines.append("Result: INCOMPLETE — \(ResultText.networkFullReason(overflow)), a step not explored; "
                         + "\(names.joined(separator: ", ")) \(names.count == 1 ? "holds" : "hold") in every explored run "
                         + "of at most \(checked) steps")
        }
        lines.append(String(format: "Depth: %d  action instances: %d  message keys: %d  commuting pairs: %d  time: %.2f s",
                            statistics.depth, statistics.instances, statistics.messageKeys, statistics.commutingPairs,
                            statistics.seconds))
        if case .violated(let counterexample) = result.verdict {
            lines += ResultText.counterexample(counterexample.trace, property: counterexample.description,
                                               origin: "replayed on the explorer")
        }
        if case .networkFull(let overflow, _) = result.verdict {
            lines += ResultText.networkFullRun(overflow)
        }
        return lines.joined(separator: "\n")
    }

    /// The deepest depth whose runs were all checked.
    private static func checkedDepth(_ result: BMCResult) -> Int {
        switch result.verdict {
        case .violated(let counterexample): counterexample.trace.length - 1
        case .holdsToDepth(let depth): depth
        case .timedOut(let checked), .networkFull(_, let checked): checked
        }
    }

    static func json(_ result: BMCResult, ir: SpecIR, options: Options) -> JSONValue {
        let verdict: String
        var reason: String?
        var failed: Counterexample?
        switch result.verdict {
        case .violated(let counterexample):
            verdict = "violated"
            failed = counterexample
        case .holdsToDepth:
            verdict = "holds-to-depth"
        case .timedOut:
            verdict = "incomplete"
            reason = result.statistics.cancelled ? "interrupted" : "time limit reached"
        case .networkFull:
            verdict = "incomplete"
        }
        var properties: [(String, String, Counterexample.Property)] = ir.invariants.map { ($0.name, "invariant", .invariant($0.name)) }
        if options.deadlock { properties.append(("deadlock freedom", "deadlock", .deadlock)) }
        var members: [(String, JSONValue)] = [
            ("schema", .string(KripkeVersion.resultSchema)),
            ("tool", .object([("name", .string("kripke")), ("version", .string(KripkeVersion.current))])),
            ("spec", .string(ir.name)),
            ("parameters", .object(ir.parameters.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("engine", .string("bmc")),
            ("options", .object([("depth", .int(options.depth)), ("deadlock", .bool(options.deadlock)),
                                 ("bounded", .bool(options.bounded))]
                                 + (options.maxSeconds.map { [("maxSeconds", .number($0))] } ?? []))),
            ("verdict", .string(verdict)),
            ("properties", .array(properties.map { name, kind, property in
                let status = failed.map { $0.property == property ? "violated" : "unknown" } ?? verdict
                return .object([("name", .string(name)), ("kind", .string(kind)), ("verdict", .string(status))])
            })),
            ("stats", .object([
                ("depth", .int(result.statistics.depth)),
                ("checkedDepth", .int(checkedDepth(result))),
                ("actionInstances", .int(result.statistics.instances)),
                ("messageKeys", .int(result.statistics.messageKeys)),
                ("commutingPairs", .int(result.statistics.commutingPairs)),
                ("seconds", .number((result.statistics.seconds * 1000).rounded() / 1000)),
                ("secondsPerDepth", .array(result.statistics.secondsPerDepth.map { .number(($0 * 1000).rounded() / 1000) })),
            ])),
        ]
        if let reason { members.append(("reason", .string(reason))) }
        if case .networkFull(let overflow, _) = result.verdict {
            members.append(("reason", .string(ResultText.networkFullReason(overflow))))
            members.append(("overflow", ITF.encode(overflow.trace, description: "a send into a full network follows")))
        }
        if let failed {
            members.append(("counterexample", ITF.encode(failed.trace, description: "\(failed.description) violated")))
        }
        return .object(members)
    }
}
