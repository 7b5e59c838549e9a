@testable import Traces
import Foundation
import Kripke
import Testing

/// Message-sequence charts match each delivery to the step that sent it.
@Suite struct SequenceChartTests {
    static func record(_ kind: String, _ from: String, _ to: String) -> Value {
        .record([.init(name: "kind", value: .name(kind)), .init(name: "from", value: .name(from)), .init(name: "to", value: .name(to))])
    }

    static func counters(_ a: Int, _ b: Int) -> Value {
        .map([.init(key: .name("a"), value: .int(a)), .init(key: .name("b"), value: .int(b))])
    }

    /// a sends ping to b; b receives it and answers pong, which stays in flight.
    static let trace = Trace(
        spec: "ping", parameters: [:], variables: ["n", "network"], ghosts: [],
        states: [
            TraceState(values: ["n": counters(0, 0), "network": .sequence([])]),
            TraceState(values: ["n": counters(1, 0), "network": .sequence([record("ping", "a", "b")])]),
            TraceState(values: ["n": counters(1, 1), "network": .sequence([record("pong", "b", "a")])]),
        ],
        steps: [
            TraceStep(action: "start", process: "a", message: nil, choices: []),
            TraceStep(action: "receive ping", process: "b",
                      message: DeliveredMessage(kind: "ping", sender: "a", receiver: "b", fields: []), choices: []),
        ])

    /// a sends ping to b, and the network loses it.
    static let lossy = Trace(
        spec: "lossy", parameters: [:], variables: ["n", "network"], ghosts: [],
        states: [
            TraceState(values: ["n": counters(0, 0), "network": .sequence([])]),
            TraceState(values: ["n": counters(1, 0), "network": .sequence([record("ping", "a", "b")])]),
            TraceState(values: ["n": counters(1, 0), "network": .sequence([])]),
        ],
        steps: [
            TraceStep(action: "start", process: "a", message: nil, choices: []),
            TraceStep(action: "lose", process: TraceStep.networkProcess,
                      message: DeliveredMessage(kind: "ping", sender: "a", receiver: "b", fields: []), choices: []),
        ])

    static func golden(_ name: String) throws -> Trace {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Counterexamples/\(name).itf.json")
        return try ITF.decode(JSONValue.parse(String(contentsOf: url, encoding: .utf8)))
    }

    static let goldens = ["paxos-accept-below-promise", "ricart-agrawala-tie-bug", "chang-roberts-forward-smaller",
                          "raft-election-double-vote", "total-order-multicast-early-delivery", "bully-early-timeout"]

    @Test func flowMatchesSendsToDeliveries() {
        let flow = MessageFlow(Self.trace)
        #expect(flow.processes == ["a", "b"])
        #expect(flow.messages == [
            MessageFlow.Message(label: "ping", sender: "a", receiver: "b", sentAt: 1, receivedAt: 2),
            MessageFlow.Message(label: "pong", sender: "b", receiver: "a", sentAt: 2, receivedAt: nil),
        ])
        #expect(flow.events.map(\.received) == [nil, 0])
        #expect(flow.events.map(\.sent) == [[0], [1]])
        #expect(flow.messages.map { $0.inFlight(after: 1) } == [true, false])
        #expect(flow.messages.map { $0.inFlight(after: 2) } == [false, true])
    }

    @Test func flowMarksLostMessages() {
        let flow = MessageFlow(Self.lossy)
        #expect(flow.messages == [MessageFlow.Message(label: "ping", sender: "a", receiver: "b", sentAt: 1, receivedAt: nil, lostAt: 2)])
        #expect(flow.events.map(\.received) == [nil, 0])
    }

    @Test func inferredSendsAreTheNetworkDifference() {
        #expect(InferredSends.perStep(Self.trace) == [
            [DeliveredMessage(kind: "ping", sender: "a", receiver: "b", fields: [])],
            [DeliveredMessage(kind: "pong", sender: "b", receiver: "a", fields: [])],
        ])
        let flow = MessageFlow(Self.trace, sent: [[], [DeliveredMessage(kind: "pong", sender: "b", receiver: "a", fields: [])]])
        #expect(flow.messages == [MessageFlow.Message(label: "pong", sender: "b", receiver: "a", sentAt: 2, receivedAt: nil)])
    }

    @Test func textChartDrawsDeliveriesAndPendingMessages() {
        #expect(TextSequenceChart().render(Self.trace) == """
            step  a              b
               1  ● start        │
               2  │              ● receive ping
                  ├──── ping ────▶
            in flight: pong b → a
            """)
        #expect(TextSequenceChart().render(Self.lossy) == """
            step  a             b
               1  ● start       │
               2  │             │  ✗ lost ping a → b
            """)
    }

    @Test func textChartAbbreviatesAndWrapsToFitANarrowWidth() {
        #expect(TextSequenceChart(width: 20).render(Self.trace) == """
            step  a      b
               1  ● sta… │
               2  │      ● rec…
                  ├──────▶  ping
            in flight:
              pong b → a
            """)
        #expect(TextSequenceChart(width: 20).render(Self.lossy) == """
            step  a      b
               1  ● sta… │
               2  │      │
                  ✗ lost ping a
                  → b    │
            """)
    }

    @Test(arguments: [80, 120])
    func textChartOfFiveProcessesFitsTheWidth(width: Int) throws {
        let chart = TextSequenceChart(width: width).render(try Self.golden("paxos-accept-below-promise"))
        let lines = chart.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= width }, "widest line: \(lines.map(\.count).max() ?? 0)")
        let header = width == 80
            ? "step  proposer0     proposer1     acceptor0     acceptor1     acceptor2"
            : "step  proposer0             proposer1             acceptor0             acceptor1             acceptor2"
        #expect(lines.first.map(String.init) == header)
        #expect(chart.contains("promise{bal: 1, vbal: -1, val: 0}"))
        #expect(chart.contains("accept{bal: 1, val: 2} proposer1 → acceptor0"))
    }

    @Test func layoutPutsEveryStepAndSendInARowOfItsOwn() {
        let layout = SequenceChartLayout(MessageFlow(Self.trace), property: "invariant 'calm'")
        #expect(layout.lanes.map(\.x) == [123, 273])
        #expect(layout.rows.map(\.y) == [60, 80, 120])
        #expect(layout.rows.map(\.band.height) == [20, 40, 40])
        #expect(layout.arrows.map { [$0.x1, $0.y1, $0.x2, $0.y2] } == [[123, 100, 273, 120], [273, 140, 123, 160]])
        #expect(layout.arrows.map(\.ending) == [.delivered, .inFlight])
        #expect(layout.verdictY == 173)
        #expect(layout.labels.filter { $0.kind == .message }.map(\.text) == ["ping → b", "a ← pong"])
        #expect(layout.labels.filter { $0.kind == .verdict }.map(\.text) == ["✗ invariant 'calm' violated in this state"])
    }

    @Test(arguments: goldens)
    func layoutLabelsNeverOverlapAndStayOnTheCanvas(golden: String) throws {
        let layout = SequenceChartLayout(MessageFlow(try Self.golden(golden)), property: "invariant 'x'")
        let labels = layout.labels
        #expect(labels.count > 10)
        for (index, label) in labels.enumerated() {
            #expect(label.box.x >= 0 && label.box.y >= 0 && label.box.maxX <= layout.width && label.box.maxY <= layout.height,
                    "\(label.text) at \(label.box) is outside \(layout.width)×\(layout.height)")
            for other in labels[(index + 1)...] where label.box.overlaps(other.box) {
                Issue.record("'\(label.text)' \(label.box) overlaps '\(other.text)' \(other.box)")
            }
        }
    }

    @Test func boxesOverlapOnlyWhenTheyShareArea() {
        let box = SequenceChartLayout.Box(x: 0, y: 0, width: 10, height: 10)
        #expect(box.overlaps(.init(x: 9, y: 9, width: 5, height: 5)))
        #expect(!box.overlaps(.init(x: 10, y: 0, width: 5, height: 5)))
        #expect(!box.overlaps(.init(x: 0, y: 10, width: 5, height: 5)))
    }

    @Test func htmlChartNamesThePropertyAndMarksTheViolatingStep() {
        let html = HTMLSequenceChart().render(Self.trace, property: "invariant 'calm'", title: "ping <demo>")
        #expect(html.contains("<h1 class=\"violated\">✗ invariant &#39;calm&#39; violated after step 2</h1>")
                || html.contains("<h1 class=\"violated\">✗ invariant 'calm' violated after step 2</h1>"))
        #expect(html.contains("<p class=\"subtitle\">ping &lt;demo&gt;</p>"))
        #expect(html.contains("<g class=\"step violating\" data-step=\"2\">"))
        #expect(html.components(separatedBy: "class=\"step violating\"").count - 1 == 1)
        #expect(html.contains("✗ invariant 'calm' violated in this state</text>"))
        #expect(html.contains("<line class=\"verdict\""))
        #expect(html.contains("<div class=\"legend\">"))
        #expect(html.contains("sent, still in flight at the end"))
        #expect(html.components(separatedBy: "marker-end").count - 1 == 2 + 2)   // two arrows, two in the legend
    }

    @Test func htmlChartWithoutAPropertyMarksNothing() {
        let html = HTMLSequenceChart().render(Self.trace)
        #expect(html.contains("<h1>ping: 2 steps</h1>"))
        #expect(html.contains("<p class=\"subtitle\">ping · 2 steps</p>"))
        #expect(!html.contains("class=\"step violating\""))
        #expect(!html.contains("class=\"verdict\""))
    }

    @Test func htmlChartShowsTheStateOfEachStep() {
        let html = HTMLSequenceChart().render(Self.trace, property: "invariant 'calm'")
        #expect(html.contains("<section class=\"state\" data-state=\"0\" hidden>\n<h3>Initial state</h3>"))
        #expect(html.contains("<section class=\"state\" data-state=\"2\">\n<h3>After step 2 — b: receive ping from a</h3>"))
        #expect(html.contains("<div class=\"card acting\"><h4>b</h4><table><tr class=\"changed\"><th>n</th><td>1</td></tr></table></div>"))
        #expect(html.contains("<div class=\"card\"><h4>a</h4><table><tr><th>n</th><td>1</td></tr></table></div>"))
        #expect(html.contains("<tr><td colspan=\"2\">pong b → a</td></tr>"))
        #expect(html.contains("addEventListener(\"click\""))
    }

    @Test(arguments: goldens)
    func htmlChartIsOneSelfContainedFile(golden: String) throws {
        let html = HTMLSequenceChart().render(try Self.golden(golden), property: "invariant 'x'")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg class=\"chart\""))
        for reference in ["http://", "https://", "src=", "<link", "@import", "href="] {
            #expect(!html.contains(reference), "the page refers to something outside it: \(reference)")
        }
        let urls = html.components(separatedBy: "url(").dropFirst()
        #expect(urls.allSatisfy { $0.hasPrefix("#") }, "only url(#…) references to the page's own markers")
    }
}
