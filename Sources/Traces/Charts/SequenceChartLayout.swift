import Kripke

/// Where everything of the HTML sequence chart goes, in SVG pixels, computed before anything is
/// drawn so that tests can check the geometry. Every step and every sent message gets a row of
/// its own, and every text sits in its own row's band (or in the lane headers or the step-number
/// margin), so no two texts can overlap whatever the labels say; text widths are estimated
/// conservatively for the monospace font the chart uses.
///
/// ```swift
/// let layout = SequenceChartLayout(MessageFlow(trace), property: "invariant 'agreement'")
/// for label in layout.labels { print(label.text, label.box) }
/// ```
struct SequenceChartLayout: Sendable {
    struct Box: Sendable, Equatable {
        var x: Double, y: Double, width: Double, height: Double
        var maxX: Double { x + width }
        var maxY: Double { y + height }
        func overlaps(_ other: Box) -> Bool {
            x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
        }
    }

    enum Kind: Sendable { case lane, stepNumber, action, message, note, verdict }

    /// A text: `box` is where it is drawn; it starts at `box.x` (or ends at `box.maxX` when
    /// `alignedEnd`), with its baseline 4 px above the box's bottom.
    struct Label: Sendable {
        let text: String
        let kind: Kind
        var box: Box
        let alignedEnd: Bool
        var anchorX: Double { alignedEnd ? box.maxX : box.x }
        var baseline: Double { box.maxY - 4 }
    }

    struct Lane: Sendable { let name: String; var x: Double }

    /// A step's row (step 0: the initial state): `y` is the line its event is drawn on; `band`
    /// covers the row and the rows of the messages it sent, the area that selects the step.
    struct Row: Sendable {
        let step: Int
        var y: Double
        var band: Box
        /// The acting process's lifeline, if it has one (network steps do not).
        var dotX: Double?
        /// Where a message lost in this step ends (drawn as ✗).
        var lossX: Double?
    }

    enum Ending: Sendable { case delivered, inFlight, lost }

    struct Arrow: Sendable {
        let message: Int
        var x1: Double, y1: Double, x2: Double, y2: Double
        let ending: Ending
    }

    static let fontSize = 11.0
    static let laneFontSize = 13.0
    /// Monospace glyphs are 0.6 em wide in common fonts; 0.62 em leaves a margin.
    static let emWidth = 0.62
    static let rowHeight = 20.0
    static let textHeight = 13.0
    static let margin = 48.0

    private(set) var lanes: [Lane] = []
    private(set) var rows: [Row] = []
    private(set) var arrows: [Arrow] = []
    private(set) var labels: [Label] = []
    let lifelineTop = 34.0
    private(set) var lifelineBottom = 0.0
    /// The line that marks the violating state, when a property is named.
    private(set) var verdictY: Double?
    private(set) var width = 0.0
    private(set) var height = 0.0

    /// `loop`: for a lasso, the state its cycle starts from (the verdict then says the run goes
    /// back there, or stays in the last state, for ever).
    init(_ flow: MessageFlow, property: String?, loop: Int? = nil) {
        self.init(flow, property: property, loop: loop, laneStart: 0)
        let leftmost = labels.filter { $0.kind != .stepNumber }.map(\.box.x).min() ?? Self.margin
        if leftmost < Self.margin { self = Self(flow, property: property, loop: loop, laneStart: Self.margin - leftmost) }
    }

    static func textWidth(_ text: String, fontSize: Double = fontSize) -> Double {
        Double(text.count) * emWidth * fontSize
    }

    private init(_ flow: MessageFlow, property: String?, loop: Int?, laneStart: Double) {
        let laneGap = max(150, (flow.processes.map { Self.textWidth($0, fontSize: Self.laneFontSize) }.max() ?? 0) + 24)
        for (index, name) in flow.processes.enumerated() {
            let x = laneStart + Self.margin + laneGap * (Double(index) + 0.5)
            lanes.append(Lane(name: name, x: x))
            let width = Self.textWidth(name, fontSize: Self.laneFontSize)
            labels.append(Label(text: name, kind: .lane, box: Box(x: x - width / 2, y: 8, width: width, height: 17), alignedEnd: false))
        }
        let laneX = Dictionary(uniqueKeysWithValues: lanes.map { ($0.name, $0.x) })
        let firstLane = lanes.first?.x ?? laneStart + Self.margin
        var y = lifelineTop + Self.rowHeight + 6
        var sendY: [Int: Double] = [:]
        var stepY: [Int: Double] = [0: y]
        addRow(step: 0, y: y, dotX: nil)
        note("initial state (click a step to see the processes' state)", at: firstLane + 9, y: y)
        y += Self.rowHeight
        for event in flow.events {
            stepY[event.step] = y
            let lost = event.process == TraceStep.networkProcess ? event.received : nil
            let lossX = lost.flatMap { index in
                laneX[flow.messages[index].sender].flatMap { from in laneX[flow.messages[index].receiver].map { (from + $0) / 2 } }
            }
            addRow(step: event.step, y: y, dotX: laneX[event.process], lossX: lossX)
            // Beside the dot, on the side the delivered message does not come from.
            let x = laneX[event.process] ?? lossX ?? firstLane
            let fromRight = event.received.flatMap { laneX[flow.messages[$0].sender] }.map { $0 > x && lossX == nil } ?? false
            let actionX = fromRight ? x - 9 - Self.textWidth(event.action) : x + 9
            labels.append(Label(text: event.action, kind: .action, box: textBox(event.action, x: actionX, rowY: y), alignedEnd: fromRight))
            y += Self.rowHeight
            for index in event.sent {
                sendY[index] = y
                let message = flow.messages[index]
                if let from = laneX[message.sender] {
                    let leftwards = (laneX[message.receiver] ?? from) < from
                    let text = leftwards ? "\(message.receiver) ← \(message.label)" : "\(message.label) → \(message.receiver)"
                    let box = textBox(text, x: leftwards ? from - 8 - Self.textWidth(text) : from + 8, rowY: y)
                    labels.append(Label(text: text, kind: .message, box: box, alignedEnd: leftwards))
                }
                y += Self.rowHeight
            }
            rows[rows.count - 1].band.height = y - 17 - rows[rows.count - 1].band.y
        }
        let inFlightY = y
        if flow.messages.contains(where: { $0.receivedAt == nil && $0.lostAt == nil }) {
            note("in flight at the end", at: firstLane + 9, y: y)
            y += Self.rowHeight
        }
        if let property {   // below everything the last state holds, messages in flight included
            verdictY = y - 7
            let steps = flow.events.map(\.step).max() ?? 0
            let text = switch loop {
            case nil: "✗ \(property) violated in this state"
            case let start? where start >= steps: "✗ \(property) violated: the run stays in this state for ever"
            case let start?: "✗ \(property) violated: from here the run goes back to state \(start), for ever"
            }
            labels.append(Label(text: text, kind: .verdict, box: textBox(text, x: firstLane + 9, rowY: y + 11), alignedEnd: false))
            y += Self.rowHeight + 12
        }
        for (index, message) in flow.messages.enumerated() {
            guard let from = laneX[message.sender], let to = laneX[message.receiver], let start = sendY[index] else { continue }
            if let step = message.receivedAt, let end = stepY[step] {
                arrows.append(Arrow(message: index, x1: from, y1: start, x2: to, y2: end, ending: .delivered))
            } else if let step = message.lostAt, let end = stepY[step] {
                arrows.append(Arrow(message: index, x1: from, y1: start, x2: (from + to) / 2, y2: end, ending: .lost))
            } else {
                arrows.append(Arrow(message: index, x1: from, y1: start, x2: to, y2: inFlightY, ending: .inFlight))
            }
        }
        lifelineBottom = y
        height = y + 12
        let lastLane = (lanes.last?.x ?? firstLane) + laneGap / 2
        width = max(lastLane, labels.map(\.box.maxX).max() ?? 0) + 20
        for index in rows.indices { rows[index].band.width = width }
    }

    /// The box of a text in the row whose line is at `rowY`: from 15 px to 2 px above the line.
    private func textBox(_ text: String, x: Double, rowY: Double) -> Box {
        Box(x: x, y: rowY - 15, width: Self.textWidth(text), height: Self.textHeight)
    }

    private mutating func addRow(step: Int, y: Double, dotX: Double?, lossX: Double? = nil) {
        rows.append(Row(step: step, y: y, band: Box(x: 0, y: y - 17, width: 0, height: Self.rowHeight), dotX: dotX, lossX: lossX))
        let number = String(step)
        let width = Self.textWidth(number)
        labels.append(Label(text: number, kind: .stepNumber, box: Box(x: 30 - width, y: y - 8, width: width, height: Self.textHeight),
                            alignedEnd: true))
    }

    private mutating func note(_ text: String, at x: Double, y: Double) {
        labels.append(Label(text: text, kind: .note, box: textBox(text, x: x, rowY: y), alignedEnd: false))
    }
}
