import Kripke

/// Renders a trace for a person: the initial state in full, then one block per step naming the
/// action (process, delivered message) and showing only what changed.
///
/// ```text
/// State 0 (initial)
///   phase = [p0: idle, p1: idle, p2: idle]
/// Step 1: p0: request
///   phase[p0]: idle → waiting
///   sent: request{seq: 1} p0 → p1
/// ```
///
/// A counterexample to induction starts anywhere: `TextTraceFormatter(firstState: .arbitrary)`
/// labels its first state "State 0 (arbitrary state satisfying the invariants — may be unreachable)".
public struct TextTraceFormatter: Sendable {
    /// How the first state of a trace came about.
    public enum FirstState: Sendable {
        /// An initial state of the spec (every explorer and BMC trace).
        case initial
        /// Any state satisfying the invariants and lemmas (the first state of a CTI).
        case arbitrary
    }

    public var showGhosts: Bool
    public var firstState: FirstState
    /// Where each step's action is declared (`stepLocations[k]` for step k + 1), shown after the
    /// step as `(RicartAgrawala.swift:86)`; empty to show none.
    public var stepLocations: [SourceLocation?]

    public init(showGhosts: Bool = true, firstState: FirstState = .initial, stepLocations: [SourceLocation?] = []) {
        self.showGhosts = showGhosts
        self.firstState = firstState
        self.stepLocations = stepLocations
    }

    public func format(_ trace: Trace) -> String {
        var lines: [String] = []
        // A network no step uses, empty in every state (a spec without messages), is not shown.
        let networkUsed = trace.steps.contains { !$0.sent.isEmpty || $0.message != nil }
            || trace.states.contains { !TraceDiff.messages(in: $0[TraceState.networkKey]).isEmpty }
        let shown = trace.variables.filter {
            (showGhosts || !trace.ghosts.contains($0)) && (networkUsed || $0 != TraceState.networkKey)
        }
        lines.append(firstState == .initial ? "State 0 (initial)"
                     : "State 0 (arbitrary state satisfying the invariants — may be unreachable)")
        let width = shown.map(\.count).max() ?? 0
        for name in shown {
            let value = name == TraceState.networkKey ? networkSummary(trace.states[0]) : (trace.states[0][name]?.description ?? "?")
            lines.append("  \(name.padding(toLength: width, withPad: " ", startingAt: 0)) = \(value)")
        }
        // The messages each step sent, as the engine executed it; inferred from the network for a
        // trace without them (an older file).
        let known = trace.steps.contains { !$0.sent.isEmpty }
        for (index, step) in trace.steps.enumerated() {
            if index == trace.loop {
                lines.append("── cycle: from state \(index) the run repeats steps \(index + 1)–\(trace.length) forever ──")
            }
            let location = index < stepLocations.count ? stepLocations[index].map(Self.shortLocation) : nil
            lines.append("Step \(index + 1): \(step)" + (location.map { "   (\($0))" } ?? ""))
            let diff = TraceDiff(from: trace.states[index], to: trace.states[index + 1], variables: shown)
            for change in diff.changes {
                lines.append("  \(change.path): \(change.old?.description ?? "—") → \(change.new?.description ?? "—")")
            }
            let sent = known ? step.sent.map(messageText) : diff.sent.map(messageText)
            for message in sent { lines.append("  sent: \(message)") }
            if diff.changes.isEmpty && sent.isEmpty { lines.append("  (no change)") }
        }
        if let loop = trace.loop {
            lines.append(loop == trace.length ? "── from state \(loop) on, the run takes no step: it stays here forever ──"
                                              : "── back to state \(loop): the cycle repeats ──")
        }
        return lines.joined(separator: "\n")
    }

    private func networkSummary(_ state: TraceState) -> String {
        let messages = TraceDiff.messages(in: state[TraceState.networkKey])
        return messages.isEmpty ? "empty" : messages.map(messageText).joined(separator: ", ")
    }

    /// `RicartAgrawala.swift:86`: the file's name and the line.
    private static func shortLocation(_ location: SourceLocation) -> String {
        let file = (location.path ?? location.file).split(separator: "/").last.map(String.init) ?? location.file
        return "\(file):\(location.line)"
    }

    /// `request{seq: 1} p0 → p1` for a delivered or sent message.
    func messageText(_ message: DeliveredMessage) -> String {
        let body = message.fields.isEmpty ? "" : Value.record(message.fields).description
        return "\(message.kind)\(body) \(message.sender) → \(message.receiver)"
    }

    /// `request{seq: 1} p0 → p1` for a message record.
    func messageText(_ message: Value) -> String {
        guard case .record(let fields) = message else { return message.description }
        let lookup = { (name: String) in fields.first { $0.name == name }?.value.description ?? "?" }
        let payload = fields.filter { !["kind", "from", "to"].contains($0.name) }
        let body = payload.isEmpty ? "" : Value.record(payload).description
        return "\(lookup("kind"))\(body) \(lookup("from")) → \(lookup("to"))"
    }
}
