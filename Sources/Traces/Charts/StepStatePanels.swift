import Kripke

/// The HTML panels that show the processes' state after each step of a trace (step 0: the
/// initial state): per process its own variables (the entries of per-process variables under
/// its name), the ones the step changed marked; then the other variables and the messages in
/// flight. The page shows one panel at a time, the one of the step clicked in the chart.
///
/// ```swift
/// let panels = StepStatePanels(trace: trace, flow: MessageFlow(trace)).render(shown: trace.length)
/// ```
struct StepStatePanels {
    let trace: Trace
    let flow: MessageFlow

    /// All panels, each a `<section class="state" data-state="k">`; all but `shown` hidden.
    func render(shown: Int) -> String {
        trace.states.indices.map { panel($0, hidden: $0 != shown) }.joined(separator: "\n")
    }

    private func panel(_ index: Int, hidden: Bool) -> String {
        let state = trace.states[index]
        let before = index > 0 ? trace.states[index - 1] : nil
        let heading = index == 0 ? "Initial state" : "After step \(index) — \(trace.steps[index - 1])"
        var cards: [String] = []
        let acting = index > 0 ? trace.steps[index - 1].process : nil
        for process in flow.processes {
            let rows = variables.compactMap { name -> String? in
                guard let value = entry(state[name], process) else { return nil }
                return row(name, value, changed: before.map { entry($0[name], process) != value } ?? false)
            }
            cards.append(card(process, rows: rows, acting: process == acting))
        }
        let shared = variables.filter { name in !flow.processes.contains { entry(state[name], $0) != nil } }
        let sharedRows = shared.compactMap { name in
            state[name].map { value in row(name, value, changed: before.map { $0[name] != value } ?? false) }
        }
        let inFlight = flow.messages.filter { $0.inFlight(after: index) }
            .map { "<tr><td colspan=\"2\">\($0.label.htmlEscaped) \($0.sender.htmlEscaped) → \($0.receiver.htmlEscaped)</td></tr>" }
        cards.append(card(TraceState.networkKey, rows: sharedRows + (inFlight.isEmpty ? ["<tr><td colspan=\"2\">no message in flight</td></tr>"] : inFlight),
                          acting: acting == TraceStep.networkProcess))
        return "<section class=\"state\" data-state=\"\(index)\"\(hidden ? " hidden" : "")>\n<h3>\(heading.htmlEscaped)</h3>\n"
            + "<div class=\"cards\">\n\(cards.joined(separator: "\n"))\n</div>\n</section>"
    }

    /// The variables shown, in declaration order: all but the network.
    private var variables: [String] { trace.variables.filter { $0 != TraceState.networkKey } }

    /// `value[process]` when `value` is a per-process map with an entry for `process`.
    private func entry(_ value: Value?, _ process: String) -> Value? {
        guard case .map(let entries)? = value else { return nil }
        return entries.first { $0.key == .name(process) }?.value
    }

    private func row(_ name: String, _ value: Value, changed: Bool) -> String {
        let ghost = trace.ghosts.contains(name) ? " <span class=\"ghost\">(ghost)</span>" : ""
        return "<tr\(changed ? " class=\"changed\"" : "")><th>\(name.htmlEscaped)\(ghost)</th><td>\(value.description.htmlEscaped)</td></tr>"
    }

    private func card(_ title: String, rows: [String], acting: Bool) -> String {
        "<div class=\"card\(acting ? " acting" : "")\"><h4>\(title.htmlEscaped)</h4><table>\(rows.joined())</table></div>"
    }
}
