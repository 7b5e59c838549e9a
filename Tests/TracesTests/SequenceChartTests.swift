@testable import Traces
import Kripke
import Testing


/// Message-sequence charts match each delivery to the step that sent it.
@Suite struct SequenceChartTests {
    static func record(_ kind: String, _ from: String, _ to: String) -> Value {
        .record([.init(name: "kind", value: .name(kind)), .init(name: "from", value: .name(from)), .init(name: "to", value: .name(to))])
    }

    /// a sends ping to b; b receives it and answers pong, which stays in flight.
    static let trace = Trace(
        spec: "ping", parameters: [:], variables: ["n", "network"], ghosts: [],
        states: [
            TraceState(values: ["n": .map([.init(key: .name("a"), value: .int(0)), .init(key: .name("b"), value: .int(0))]),
                                "network": .sequence([])]),
            TraceState(values: ["n": .map([.init(key: .name("a"), value: .int(1)), .init(key: .name("b"), value: .int(0))]),
                                "network": .sequence([record("ping", "a", "b")])]),
            TraceState(values: ["n": .map([.init(key: .name("a"), value: .int(1)), .init(key: .name("b"), value: .int(1))]),
                                "network": .sequence([record("pong", "b", "a")])]),
        ],
        steps: [
            TraceStep(action: "start", process: "a", message: nil, choices: []),
            TraceStep(action: "receive ping", process: "b",
                      message: DeliveredMessage(kind: "ping", sender: "a", receiver: "b", fields: []), choices: []),
        ])

    @Test func flowMatchesSendsToDeliveries() {
        let flow = MessageFlow(Self.trace)
        #expect(flow.processes == ["a", "b"])
        #expect(flow.messages == [
            MessageFlow.Message(label: "ping", sender: "a", receiver: "b", sentAt: 1, receivedAt: 2),
            MessageFlow.Message(label: "pong", sender: "b", receiver: "a", sentAt: 2, receivedAt: nil),
        ])
        #expect(flow.events.map(\.received) == [nil, 0])
        #expect(flow.events.map(\.sent) == [[0], [1]])
    }

    @Test func textChartDrawsDeliveriesAndPendingMessages() {
        #expect(TextSequenceChart().render(Self.trace) == """
            step  a              b
               1  ● start        │
               2  │              ● receive ping
                  ├──── ping ────▶
            in flight: pong b → a
            """)
    }

    @Test func htmlChartIsSelfContained() {
        let html = HTMLSequenceChart().render(Self.trace, title: "ping <demo>")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("ping &lt;demo&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.components(separatedBy: "marker-end").count - 1 == 2)
    }
}
