import Kripke

/// A message-sequence chart in plain text: one lifeline per process, one row per step with the
/// acting process marked `●`, and an arrow from sender to receiver when a message is delivered.
///
/// ```text
///  step  p0            p1            p2
///     1  ● request     │             │
///     2  │             ● request     │
///     3  │             ├─request{seq: 1}─▶
/// ```
public struct TextSequenceChart: Sendable {
    public init() {}

    public func render(_ trace: Trace) -> String {
        let flow = MessageFlow(trace)
        let longestAction = flow.events.map { $0.action.count + 3 }.max() ?? 0
        let longestName = flow.processes.map { $0.count + 2 }.max() ?? 0
        let longestLabel = flow.messages.map { $0.label.count + 4 }.max() ?? 0
        let width = min(28, max(14, longestName, longestAction, longestLabel))
        let column = Dictionary(uniqueKeysWithValues: flow.processes.enumerated().map { ($1, $0) })
        let gutter = "      "
        var lines = [("step  " + flow.processes.map { pad($0, width) }.joined()).trimmingTrailingSpaces()]
        for event in flow.events {
            var row = lifelines(count: flow.processes.count, width: width)
            if let position = column[event.process] {
                write("● " + clip(event.action, width - 1), into: &row, at: position * width)
            }
            var line = pad(String(event.step), 4, right: true) + "  " + String(row)
            if let received = event.received, event.process == TraceStep.networkProcess {
                let lost = flow.messages[received]
                line += "  ✗ lost \(lost.label) \(lost.sender) → \(lost.receiver)"
            }
            lines.append(line.trimmingTrailingSpaces())
            if let received = event.received, event.process != TraceStep.networkProcess,
               let from = column[flow.messages[received].sender], let to = column[flow.messages[received].receiver], from != to {
                lines.append((gutter + arrow(flow.messages[received].label, from: from, to: to,
                                             count: flow.processes.count, width: width)).trimmingTrailingSpaces())
            }
        }
        let pending = flow.messages.filter { $0.receivedAt == nil }
        if !pending.isEmpty {
            lines.append("in flight: " + pending.map { "\($0.label) \($0.sender) → \($0.receiver)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private func lifelines(count: Int, width: Int) -> [Character] {
        var row = [Character](repeating: " ", count: count * width)
        for index in 0..<count { row[index * width] = "│" }
        return row
    }

    /// A lifeline row with `├──label──▶` from the sender's lifeline to the receiver's
    /// (`◀──label──┤` leftwards); a label too long for the arrow goes after the row.
    private func arrow(_ label: String, from: Int, to: Int, count: Int, width: Int) -> String {
        var row = lifelines(count: count, width: width)
        let start = min(from, to) * width, end = max(from, to) * width
        for offset in start...end { row[offset] = "─" }
        row[from * width] = from < to ? "├" : "┤"
        row[to * width] = from < to ? "▶" : "◀"
        let text = Array(" \(label) ")
        guard text.count + 2 <= end - start - 1 else { return String(row).trimmingTrailingSpaces() + "  " + label }
        let labelStart = start + (end - start - text.count) / 2 + 1
        row.replaceSubrange(labelStart..<(labelStart + text.count), with: text)
        return String(row)
    }

    private func write(_ text: String, into row: inout [Character], at offset: Int) {
        for (index, character) in text.enumerated() where offset + index < row.count { row[offset + index] = character }
    }

    private func clip(_ text: String, _ width: Int) -> String {
        text.count <= width - 2 ? text : String(text.prefix(width - 3)) + "…"
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        guard count < width else { return text + " " }
        let fill = String(repeating: " ", count: width - count)
        return right ? fill + text : text + fill
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
