import Kripke

/// A self-contained HTML page (inline SVG, CSS and a few lines of script; no external resources)
/// drawing a trace as a message-sequence chart: lifelines, one row per step and per sent message,
/// each message an arrow from the step that sent it to the step that delivered it (dashed when
/// it is still in flight at the end, ending in ✗ when the network lost it), and a legend. Given
/// the violated property, the page names it in its headline and marks the violating step — or,
/// for a lasso, the steps of the cycle that repeats for ever.
/// Clicking a step shows the processes' state after it, the variables it changed highlighted.
///
/// ```swift
/// let html = HTMLSequenceChart().render(trace, property: "invariant 'mutual exclusion'")
/// try html.write(toFile: "trace.html", atomically: true, encoding: .utf8)
/// ```
public struct HTMLSequenceChart: Sendable {
    public init() {}

    /// The page for `trace`. `property` names what the last state violates (e.g.
    /// `"invariant 'agreement'"`; nil for a trace that violates nothing); `title` is the line
    /// under the headline (by default the spec and its parameters).
    public func render(_ trace: Trace, property: String? = nil, title: String? = nil) -> String {
        let flow = MessageFlow(trace)
        let layout = SequenceChartLayout(flow, property: property, loop: trace.loop)
        let svg = SequenceChartSVG(layout: layout, flow: flow, loop: trace.loop).render()
        let panels = StepStatePanels(trace: trace, flow: flow).render(shown: trace.length)
        let subtitle = title ?? specLine(trace)
        let headline: String
        if let property, let loop = trace.loop {
            headline = loop == trace.length
                ? "✗ \(property) violated: the run stops after step \(loop) for ever"
                : "✗ \(property) violated: steps \(loop + 1)–\(trace.length) repeat for ever"
        } else {
            headline = property.map { "✗ \($0) violated after step \(trace.length)" } ?? "\(trace.spec): \(trace.length) steps"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>\(headline.htmlEscaped) — \(trace.spec.htmlEscaped)</title>
            <style>\(Self.style)</style></head><body>
            <h1\(property == nil ? "" : " class=\"violated\"")>\(headline.htmlEscaped)</h1>
            <p class="subtitle">\(subtitle.htmlEscaped)</p>
            \(legend(marksViolation: property != nil && trace.loop == nil, marksCycle: trace.loop.map { $0 < trace.length } ?? false))
            <main>
            <div class="chart-box">
            \(svg)
            </div>
            <aside>
            \(panels)
            </aside>
            </main>
            <details><summary>All steps as text</summary><pre>\(TextTraceFormatter().format(trace).htmlEscaped)</pre></details>
            <script>\(Self.script)</script>
            </body></html>
            """
    }

    private func specLine(_ trace: Trace) -> String {
        let parameters = trace.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return trace.spec + (parameters.isEmpty ? "" : " (\(parameters.joined(separator: ", ")))") + " · \(trace.length) steps"
    }

    private func legend(marksViolation: Bool, marksCycle: Bool) -> String {
        func item(_ picture: String, _ text: String) -> String {
            "<span class=\"item\"><svg width=\"44\" height=\"14\">\(picture)</svg>\(text)</span>"
        }
        var items = [
            item("<circle class=\"act\" cx=\"22\" cy=\"7\" r=\"5\"/>", "a step of the process (click a row for the state after it)"),
            item("<path class=\"msg\" d=\"M2,7 L34,7\" marker-end=\"url(#head)\"/>", "message, delivered"),
            item("<path class=\"msg pending\" d=\"M2,7 L34,7\" marker-end=\"url(#head-pending)\"/>", "sent, still in flight at the end"),
            item("<path class=\"msg lost\" d=\"M2,7 L26,7\"/><text class=\"loss\" x=\"26\" y=\"12\">✗</text>", "lost by the network"),
        ]
        if marksViolation {
            items.append(item("<rect class=\"swatch\" x=\"2\" y=\"1\" width=\"40\" height=\"12\"/>", "the violating step"))
        }
        if marksCycle {
            items.append(item("<rect class=\"swatch cycle\" x=\"2\" y=\"1\" width=\"40\" height=\"12\"/>",
                              "the cycle: after its last step the run continues at its first, for ever"))
        }
        return "<div class=\"legend\">\(items.joined())</div>"
    }

    private static let style = """
        body { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; margin: 20px 24px; color: #222; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h1.violated { color: #b3261e; }
        .subtitle { margin: 0 0 10px; color: #555; }
        .legend { font-size: 13px; color: #444; margin-bottom: 8px; display: flex; flex-wrap: wrap; gap: 4px 18px; }
        .legend .item { display: inline-flex; align-items: center; gap: 4px; }
        main { display: flex; align-items: flex-start; gap: 20px; }
        .chart-box { overflow-x: auto; flex: none; max-width: 100%; }
        aside { position: sticky; top: 8px; flex: 1 1 320px; min-width: 280px; font-size: 13px; }
        svg text { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11px; }
        svg text.action, svg text.message, svg text.note, svg text.verdict {
            paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        .lane { font-weight: 700; font-size: 13px; text-anchor: middle; }
        .life { stroke: #bbb; stroke-dasharray: 4 3; }
        .stepNumber { fill: #888; }
        .action { fill: #8b4513; }
        .message { fill: #1f5fa8; }
        .note { fill: #777; font-style: italic; }
        .verdict { fill: #b3261e; font-weight: 700; }
        line.verdict { stroke: #b3261e; stroke-width: 2; }
        .act { fill: #d2691e; }
        .msg { stroke: #1f5fa8; stroke-width: 1.3; fill: none; }
        .msg.pending { stroke: #7a9cc6; stroke-dasharray: 6 4; }
        .msg.lost { stroke: #b3261e; stroke-dasharray: 2 3; }
        .arrowhead { fill: #1f5fa8; }
        .arrowhead.pending { fill: #7a9cc6; }
        .loss { fill: #b3261e; font-weight: 700; font-size: 14px; text-anchor: middle; }
        .band { fill: transparent; cursor: pointer; }
        .step:hover .band { fill: #f3f6fb; }
        .step.violating .band, .swatch { fill: #fde8e6; }
        .step.cycle .band, .swatch.cycle { fill: #ece6fb; }
        .step.selected .band { fill: #fff3c4; }
        .step.violating.selected .band { fill: #fbd3cf; }
        .chart text, .chart path, .chart line, .chart circle { pointer-events: none; }
        .state h3 { font-size: 15px; margin: 0 0 8px; }
        .cards { display: flex; flex-wrap: wrap; gap: 8px; }
        .card { border: 1px solid #ddd; border-radius: 6px; padding: 4px 8px; min-width: 130px; }
        .card.acting { border-color: #d2691e; box-shadow: 0 0 0 1px #d2691e; }
        .card h4 { margin: 2px 0 4px; font-size: 13px; }
        .card table { border-collapse: collapse; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
        .card th { text-align: left; font-weight: 500; color: #555; padding: 1px 8px 1px 0; vertical-align: top; }
        .card td { padding: 1px 0; }
        .card tr.changed td, .card tr.changed th { background: #fff3c4; font-weight: 700; color: #222; }
        .ghost { color: #999; font-weight: 400; }
        pre { background: #f6f6f6; padding: 12px; overflow-x: auto; }
        """

    /// Shows the panel of the clicked step (↑/↓ move between steps).
    private static let script = """
        (function () {
          var steps = Array.prototype.slice.call(document.querySelectorAll(".chart .step"));
          var panels = Array.prototype.slice.call(document.querySelectorAll("section.state"));
          var current = steps.length - 1;
          function show(k) {
            current = Math.max(0, Math.min(steps.length - 1, k));
            steps.forEach(function (g, i) { g.classList.toggle("selected", i === current); });
            panels.forEach(function (p, i) { p.hidden = i !== current; });
          }
          steps.forEach(function (g, i) { g.addEventListener("click", function () { show(i); }); });
          document.addEventListener("keydown", function (e) {
            if (e.key === "ArrowDown") { show(current + 1); e.preventDefault(); }
            if (e.key === "ArrowUp") { show(current - 1); e.preventDefault(); }
          });
          show(current);
        })();
        """
}
