import Foundation
import Kripke

/// A self-contained HTML page (inline SVG and CSS, no scripts) drawing a trace as a
/// message-sequence chart: lifelines, one row per step, each message as an arrow from the step
/// that sent it to the step that delivered it, and beside each step what changed.
///
/// ```swift
/// let html = HTMLSequenceChart().render(trace, title: "ricart-agrawala-tie-bug")
/// try html.write(toFile: "trace.html", atomically: true, encoding: .utf8)
/// ```
public struct HTMLSequenceChart: Sendable {
    public init() {}

    private let columnWidth = 150.0
    private let rowHeight = 34.0
    private let top = 50.0
    private let left = 60.0

    public func render(_ trace: Trace, title: String) -> String {
        let flow = MessageFlow(trace)
        let x = Dictionary(uniqueKeysWithValues: flow.processes.enumerated().map { ($1, left + columnWidth * (Double($0) + 0.5)) })
        let width = left + columnWidth * Double(max(flow.processes.count, 1)) + 20
        let height = top + rowHeight * Double(flow.events.count + 1) + 20
        func y(_ step: Int) -> Double { top + rowHeight * Double(step) }
        var svg: [String] = []
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\">")
        svg.append("<defs><marker id=\"head\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#1f5fa8\"/></marker></defs>")
        for (name, position) in x.sorted(by: { $0.value < $1.value }) {
            svg.append("<text x=\"\(position)\" y=\"24\" class=\"proc\">\(escape(name))</text>")
            svg.append("<line x1=\"\(position)\" y1=\"32\" x2=\"\(position)\" y2=\"\(height - 10)\" class=\"life\"/>")
        }
        for event in flow.events {
            svg.append("<text x=\"8\" y=\"\(y(event.step) + 4)\" class=\"step\">\(event.step)</text>")
            if let position = x[event.process] {
                svg.append("<circle cx=\"\(position)\" cy=\"\(y(event.step))\" r=\"5\" class=\"act\"><title>\(escape(event.action))</title></circle>")
                svg.append("<text x=\"\(position + 8)\" y=\"\(y(event.step) - 6)\" class=\"action\">\(escape(event.action))</text>")
            }
        }
        for message in flow.messages {
            guard let from = x[message.sender], let to = x[message.receiver] else { continue }
            let start = y(message.sentAt)
            let end = message.receivedAt.map(y) ?? (height - 14)
            let style = message.receivedAt == nil ? "msg pending" : "msg"
            svg.append("<line x1=\"\(from)\" y1=\"\(start)\" x2=\"\(to)\" y2=\"\(end)\" class=\"\(style)\" marker-end=\"url(#head)\"/>")
            svg.append("<text x=\"\((from + to) / 2)\" y=\"\((start + end) / 2 - 3)\" class=\"label\">\(escape(message.label))</text>")
        }
        svg.append("</svg>")
        let steps = TextTraceFormatter().format(trace)
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body { font-family: -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; }
            .proc { font-weight: 600; text-anchor: middle; font-size: 14px; }
            .life { stroke: #bbb; stroke-dasharray: 4 3; }
            .step { font-size: 11px; fill: #888; }
            .act { fill: #d2691e; }
            .action { font-size: 11px; fill: #8b4513; }
            .msg { stroke: #1f5fa8; stroke-width: 1.4; }
            .pending { stroke-dasharray: 5 4; opacity: 0.6; }
            .label { font-size: 11px; fill: #1f5fa8; text-anchor: middle; }
            pre { background: #f6f6f6; padding: 12px; overflow-x: auto; }
            </style></head><body>
            <h1>\(escape(title))</h1>
            \(svg.joined(separator: "\n"))
            <h2>Steps</h2>
            <pre>\(escape(steps))</pre>
            </body></html>
            """
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
