import Foundation

/// Draws a ``SequenceChartLayout`` as inline SVG (no namespace URL, no external references):
/// clickable step bands, lifelines, arrows, event dots and the texts, which sit on a white halo
/// so that the arrows crossing them do not hide them. Classes are styled by the page's CSS.
///
/// ```swift
/// let svg = SequenceChartSVG(layout: SequenceChartLayout(flow, property: nil), flow: flow).render()
/// ```
struct SequenceChartSVG {
    let layout: SequenceChartLayout
    let flow: MessageFlow
    /// For a lasso: the state its cycle starts from; the steps after it are drawn as the cycle.
    var loop: Int? = nil

    func render() -> String {
        var svg = ["<svg class=\"chart\" width=\"\(n(layout.width))\" height=\"\(n(layout.height))\" "
                   + "viewBox=\"0 0 \(n(layout.width)) \(n(layout.height))\" role=\"img\">"]
        svg.append("<defs>" + marker("head", "arrowhead") + marker("head-pending", "arrowhead pending") + "</defs>")
        let last = layout.rows.last?.step
        for row in layout.rows {
            let violating = row.step == last && layout.verdictY != nil && row.step > 0 && loop == nil
            let cycle = loop.map { row.step > $0 } ?? false
            let band = row.band
            svg.append("<g class=\"step\(violating ? " violating" : "")\(cycle ? " cycle" : "")\" data-step=\"\(row.step)\"><title>step \(row.step)</title>"
                       + "<rect class=\"band\" x=\"\(n(band.x))\" y=\"\(n(band.y))\" width=\"\(n(band.width))\" height=\"\(n(band.height))\"/></g>")
        }
        for lane in layout.lanes {
            svg.append("<line class=\"life\" x1=\"\(n(lane.x))\" y1=\"\(n(layout.lifelineTop))\" x2=\"\(n(lane.x))\" y2=\"\(n(layout.lifelineBottom))\"/>")
        }
        if let y = layout.verdictY, let first = layout.lanes.first?.x, let lastLane = layout.lanes.last?.x {
            svg.append("<line class=\"verdict\" x1=\"\(n(first - 30))\" y1=\"\(n(y))\" x2=\"\(n(lastLane + 30))\" y2=\"\(n(y))\"/>")
        }
        for arrow in layout.arrows { svg.append(draw(arrow)) }
        for row in layout.rows {
            if let x = row.dotX { svg.append("<circle class=\"act\" cx=\"\(n(x))\" cy=\"\(n(row.y))\" r=\"5\"/>") }
            if let x = row.lossX { svg.append("<text class=\"loss\" x=\"\(n(x))\" y=\"\(n(row.y + 5))\">✗</text>") }
        }
        for label in layout.labels {
            let anchor = label.alignedEnd ? " text-anchor=\"end\"" : ""
            svg.append("<text class=\"\(label.kind)\" x=\"\(n(label.anchorX))\" y=\"\(n(label.baseline))\"\(anchor)>\(label.text.htmlEscaped)</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private func draw(_ arrow: SequenceChartLayout.Arrow) -> String {
        let message = flow.messages[arrow.message]
        let tooltip = "<title>\("\(message.label) \(message.sender) → \(message.receiver)".htmlEscaped)</title>"
        let path: String
        if arrow.x1 == arrow.x2 {   // to itself: a loop to the right of the lifeline
            path = "M\(n(arrow.x1)),\(n(arrow.y1)) C\(n(arrow.x1 + 60)),\(n(arrow.y1)) \(n(arrow.x2 + 60)),\(n(arrow.y2)) \(n(arrow.x2 + 6)),\(n(arrow.y2))"
        } else {
            path = "M\(n(arrow.x1)),\(n(arrow.y1)) L\(n(arrow.x2)),\(n(arrow.y2))"
        }
        switch arrow.ending {
        case .delivered: return "<path class=\"msg\" d=\"\(path)\" marker-end=\"url(#head)\">\(tooltip)</path>"
        case .inFlight: return "<path class=\"msg pending\" d=\"\(path)\" marker-end=\"url(#head-pending)\">\(tooltip)</path>"
        case .lost: return "<path class=\"msg lost\" d=\"\(path)\">\(tooltip)</path>"
        }
    }

    private func marker(_ id: String, _ style: String) -> String {
        "<marker id=\"\(id)\" markerWidth=\"9\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\" markerUnits=\"userSpaceOnUse\">"
            + "<path class=\"\(style)\" d=\"M0,0 L9,4 L0,8 z\"/></marker>"
    }

    /// A coordinate with at most one decimal, as short as it goes.
    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
