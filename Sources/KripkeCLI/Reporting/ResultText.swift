import Explorer
import Foundation
import Kripke
import Symbolic
import Traces

/// The text form of a check result: a headline verdict, the statistics, and for a violation the
/// counterexample with only the changed variables per step.
///
/// ```swift
/// print(ResultText.check(result, ir: ir, options: options))
/// ```
enum ResultText {
    static func check(_ result: CheckResult, ir: SpecIR, options: SearchOptions) -> String {
        let symmetric = ir.roles.filter { $0.symmetric && $0.count > 1 }.map(\.name)
        var reduction = options.reducesPartialOrder ? ", partial-order reduction" : ""
        if options.symmetry && !symmetric.isEmpty { reduction += ", symmetry (\(symmetric.joined(separator: ", ")))" }
        var lines = ["kripke check \(ir.name)\(parameterText(ir.parameters)) — explorer, breadth-first\(reduction)"]
        let statistics = result.statistics
        switch result.verdict {
        case .holds:
            var names = ir.invariants.filter { !$0.isLemma }.map { "'\($0.name)'" }
            let lemmas = ir.invariants.count { $0.isLemma }
            if lemmas > 0 { names.append("\(lemmas) helper lemma\(lemmas == 1 ? "" : "s")") }
            if options.checkDeadlock { names.append("deadlock freedom") }
            let verb = names.count == 1 ? "holds" : "hold"
            lines.append("Result: HOLDS — \(names.joined(separator: ", ")) \(verb) in "
                         + (options.reducesPartialOrder ? "every reachable state (\(statistics.states) states explored)"
                                                 : "all \(statistics.states) reachable states"))
        case .violated(let violation):
            lines.append("Result: VIOLATED — \(violation.property) fails after \(violation.trace.length) steps")
        case .incomplete(let reason):
            lines.append("Result: INCOMPLETE — \(reason)")
        }
        lines.append(String(format: "States: %d  transitions: %d  depth: %d  time: %.2f s  (%.0f states/s, %.1f bytes/state)",
                            statistics.states, statistics.transitions, statistics.depth, statistics.seconds,
                            statistics.statesPerSecond, statistics.bytesPerState))
        if options.exactStates {
            lines.append("Exact state storage: states compared in full, no fingerprint collision can drop one "
                         + "(partial-order reduction off)")
        } else {
            lines.append(String(format: "Fingerprint collision probability: at most %.1e (64-bit fingerprints; --exact to rule it out)",
                                statistics.fingerprintCollisionProbability))
        }
        if let por = statistics.partialOrder {
            lines.append("Partial-order reduction: \(por.reducedStates) of \(statistics.states) states expanded with a "
                         + "reduced set, \(por.prunedTransitions) transitions left out, \(por.provisoExpansions) full "
                         + "expansions forced by the cycle proviso"
                         + (por.stoppedAtDepth.map { "; stopped at depth \($0), where it had left out under "
                             + "\(Int(SearchOptions.adaptiveMinimumPruning * 100)) % of the transitions (--always-por keeps it)" } ?? ""))
        }
        if case .holds = result.verdict {
            let dead = statistics.coverage.filter { $0.transitions == 0 && $0.name != "network: lose message" }.map(\.name)
            if !dead.isEmpty {
                lines.append("Warning: never taken in any reachable state: \(dead.joined(separator: ", ")) (dead code, or a guard that can never hold?)")
            }
        }
        if case .violated(let violation) = result.verdict {
            lines += counterexample(violation.trace, property: violation.property,
                                    shortest: result.counterexampleIsShortest)
        }
        return lines.joined(separator: "\n")
    }

    /// A shortest counterexample as every report prints it: a blank line, its heading (with
    /// `origin`, e.g. "replayed on the explorer"), the trace, and the property it breaks.
    static func counterexample(_ trace: Trace, property: String, origin: String? = nil, shortest: Bool = true) -> [String] {
        let length = shortest ? "shortest" : "found with partial-order reduction, may not be shortest: --shortest finds one"
        return ["", "Counterexample (\(trace.length) steps, \(length)\(origin.map { "; \($0)" } ?? "")):",
         TextTraceFormatter().format(trace), "⇒ \(property) is violated in the last state."]
    }

    /// Why a symbolic run is incomplete when a send finds the network full (the explorer's wording).
    static func networkFullReason(_ overflow: NetworkOverflow) -> String {
        let steps = overflow.trace.length
        return "network capacity reached: '\(overflow.action)' at \(overflow.process) sends into a full network "
            + "after \(steps) step\(steps == 1 ? "" : "s")"
    }

    /// The run to a state whose send finds the network full, as bmc and prove print it.
    static func networkFullRun(_ overflow: NetworkOverflow) -> [String] {
        ["", "Run to the full network (\(overflow.trace.length) step\(overflow.trace.length == 1 ? "" : "s"); replayed on the explorer):",
         TextTraceFormatter().format(overflow.trace),
         "⇒ '\(overflow.action)' at \(overflow.process) cannot send in the last state: the network is full."]
    }

    static func parameterText(_ parameters: [String: Int]) -> String {
        guard !parameters.isEmpty else { return "" }
        return " (" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
    }
}
