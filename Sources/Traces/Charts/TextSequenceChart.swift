import Kripke

/// A message-sequence chart in plain text, fitted to a width in columns: one lifeline per
/// process, one row per step with the acting process marked `●`, and an arrow from sender to
/// receiver when a message is delivered. Lanes narrow to fit the width (names and actions are
/// abbreviated with `…`), and a label that fits neither in its arrow nor after it goes on the
/// lines below, wrapped; no line is wider than `width` while each lane keeps 4 columns.
///
/// ```text
///  step  p0            p1            p2
///     1  ● request     │             │
///     2  │             ● request     │
///     3  │             ├─request{seq: 1}─▶
/// ```
///
/// ```swift
/// print(TextSequenceChart(width: 80).render(trace))
/// ```
public struct TextSequenceChart: Sendable {
    /// The widest a line may be, in columns (characters).
    public let width: Int

    public init(width: Int = 100) {
        self.width = width
    }

    private let gutter = 6

    public func render(_ trace: Trace) -> String {
        let flow = MessageFlow(trace)
        let lane = laneWidth(flow)
        let grid = Lifelines(count: flow.processes.count, width: lane)
        let column = Dictionary(uniqueKeysWithValues: flow.processes.enumerated().map { ($1, $0) })
        var lines = [("step  " + flow.processes.map { pad(abbreviate($0, lane - 1), lane) }.joined()).trimmingTrailingSpaces()]
        for event in flow.events {
            var row = grid.empty
            if let position = column[event.process] {
                grid.write("● " + abbreviate(event.action, lane - 3), into: &row, at: position)
            }
            let line = pad(String(event.step), 4, right: true) + "  " + String(row)
            if let received = event.received, event.process == TraceStep.networkProcess {
                let lost = flow.messages[received]
                lines += appending("✗ lost \(lost.label) \(lost.sender) → \(lost.receiver)", to: line, grid: grid, at: 0)
            } else {
                lines.append(line.trimmingTrailingSpaces())
            }
            if let received = event.received, event.process != TraceStep.networkProcess,
               let from = column[flow.messages[received].sender], let to = column[flow.messages[received].receiver], from != to {
                let label = flow.messages[received].label
                if let row = grid.arrow(from: from, to: to, label: label) {
                    lines.append((String(repeating: " ", count: gutter) + row).trimmingTrailingSpaces())
                } else {
                    let row = String(repeating: " ", count: gutter) + grid.arrow(from: from, to: to)
                    lines += appending(label, to: row, grid: grid, at: min(from, to) * lane + 2)
                }
            }
        }
        let pending = flow.messages.filter { $0.receivedAt == nil && $0.lostAt == nil }
        if !pending.isEmpty {
            lines += wrapped(["in flight:"] + pending.map { "\($0.label) \($0.sender) → \($0.receiver)," }, width: width, indent: 2)
                .enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
            lines[lines.count - 1].removeLast()   // the last item's comma
        }
        return lines.joined(separator: "\n")
    }

    /// As wide as the longest name, action or label needs (14 to 28 columns), narrower when the
    /// lanes would not fit the width, never under 4.
    private func laneWidth(_ flow: MessageFlow) -> Int {
        let longestAction = flow.events.map { $0.action.count + 3 }.max() ?? 0
        let longestName = flow.processes.map { $0.count + 2 }.max() ?? 0
        let longestLabel = flow.messages.map { $0.label.count + 4 }.max() ?? 0
        let wanted = min(28, max(14, longestName, longestAction, longestLabel))
        return max(4, min(wanted, (width - gutter) / max(1, flow.processes.count)))
    }

    /// `line` followed by `text` when both fit the width; otherwise `line`, then `text` wrapped
    /// over lifeline rows, starting `offset` columns into the lanes when it fits there.
    private func appending(_ text: String, to line: String, grid: Lifelines, at offset: Int) -> [String] {
        let trimmed = line.trimmingTrailingSpaces()
        if trimmed.count + 2 + text.count <= width { return [trimmed + "  " + text] }
        let room = max(1, width - gutter)
        return [trimmed] + wrapped(text.split(separator: " ").map(String.init), width: room, indent: 0).map { chunk in
            var row = grid.empty
            let start = max(0, min(offset, room - chunk.count))
            grid.write(chunk, into: &row, from: start, clearing: true)
            return (String(repeating: " ", count: gutter) + String(row)).trimmingTrailingSpaces()
        }
    }

    /// Words joined by spaces into lines of at most `width` columns (`indent` fewer after the
    /// first); a word longer than a line is cut.
    private func wrapped(_ words: [String], width: Int, indent: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in words {
            var word = Substring(word)
            while !word.isEmpty {
                let limit = max(1, lines.isEmpty ? width : width - indent)
                if current.isEmpty, word.count > limit {
                    lines.append(String(word.prefix(limit)))
                    word = word.dropFirst(limit)
                } else if current.isEmpty || current.count + 1 + word.count <= limit {
                    current += (current.isEmpty ? "" : " ") + word
                    word = ""
                } else {
                    lines.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` cut to `width` columns with `…`, keeping a trailing number (`acceptor12` → `acc…12`).
    private func abbreviate(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(max(0, width))) }
        let digits = text.reversed().prefix { $0.isNumber }.count
        let kept = digits > 0 && digits + 2 <= width ? digits : 0
        return String(text.prefix(width - 1 - kept)) + "…" + String(text.suffix(kept))
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
