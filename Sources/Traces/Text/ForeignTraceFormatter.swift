/// Renders a trace another tool wrote for a person: the initial state in full, then per step the
/// action when the trace names one and the variables whose values changed.
///
/// ```text
/// ITF trace from bank.qnt (not written by Kripke: no processes or messages)
/// State 0 (initial)
///   balances = Map("alice" -> 10, "bob" -> 0)
/// Step 1: transfer
///   balances: Map("alice" -> 10, "bob" -> 0) → Map("alice" -> 7, "bob" -> 3)
/// ```
public struct ForeignTraceFormatter: Sendable {
    public init() {}

    public func format(_ trace: ForeignTrace) -> String {
        var lines = ["ITF trace from \(trace.source ?? "another tool") (not written by Kripke: no processes or messages)"]
        lines.append("State 0 (initial)")
        let width = trace.variables.map(\.count).max() ?? 0
        for name in trace.variables {
            lines.append("  \(name.padding(toLength: width, withPad: " ", startingAt: 0)) = \(trace.states[0][name] ?? "?")")
        }
        for index in trace.states.indices.dropFirst() {
            lines.append("Step \(index)" + (trace.actions[index].map { ": \($0)" } ?? ""))
            let changed = trace.variables.filter { trace.states[index - 1][$0] != trace.states[index][$0] }
            for name in changed {
                lines.append("  \(name): \(trace.states[index - 1][name] ?? "—") → \(trace.states[index][name] ?? "—")")
            }
            if changed.isEmpty { lines.append("  (no change)") }
        }
        return lines.joined(separator: "\n")
    }

    /// A self-contained HTML page with the same text (such a trace has no messages to chart).
    public func html(_ trace: ForeignTrace, title: String) -> String {
        let escape = { (text: String) in
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body { font-family: -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; }
            pre { background: #f6f6f6; padding: 12px; overflow-x: auto; }
            </style></head><body>
            <h1>\(escape(title))</h1>
            <p>No message-sequence chart: this trace has no processes or messages.</p>
            <h2>Steps</h2>
            <pre>\(escape(format(trace)))</pre>
            </body></html>
            """
    }
}
