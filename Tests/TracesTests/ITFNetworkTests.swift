import Kripke
import Testing
import Traces

/// The network at the ITF boundary: messages say `sender` and `receiver`, a bag is a map from
/// message to count, FIFO channels stay queues, and traces written before all this still read.
@Suite struct ITFNetworkTests {
    static func message(_ from: String, _ to: String, ts: Int) -> Value {
        .record([.init(name: "kind", value: .name("request")), .init(name: "from", value: .name(from)),
                 .init(name: "to", value: .name(to)), .init(name: "ts", value: .int(ts))])
    }

    static func trace(network: Value, emptyNetwork: Value) -> Trace {
        Trace(spec: "demo", parameters: [:], variables: ["network"], ghosts: [],
              states: [TraceState(values: ["network": emptyNetwork]), TraceState(values: ["network": network])],
              steps: [TraceStep(action: "deliver", process: "p1",
                                message: DeliveredMessage(kind: "request", sender: "p0", receiver: "p1", fields: []), choices: [])])
    }

    @Test func aBagIsAMapFromMessageToCount() throws {
        let m = Self.message("p0", "p1", ts: 1), n = Self.message("p1", "p0", ts: 2)
        let trace = Self.trace(network: .sequence([m, m, n]), emptyNetwork: .sequence([]))
        let json = ITF.encode(trace)
        guard case .array(let states)? = json["states"] else { Issue.record("no states"); return }
        #expect(json["#meta"]?["network"] == .string("unordered"))
        #expect(states[0]["network"]?.rendered(pretty: false) == ##"{"#map":[]}"##)
        #expect(states[1]["network"]?.rendered(pretty: false) == """
            {"#map":[[{"kind":"request","sender":"p0","receiver":"p1","ts":{"#bigint":"1"}},{"#bigint":"2"}],\
            [{"kind":"request","sender":"p1","receiver":"p0","ts":{"#bigint":"2"}},{"#bigint":"1"}]]}
            """)
        #expect(states[1]["#meta"]?["message"]?.rendered(pretty: false) == #"{"kind":"request","sender":"p0","receiver":"p1"}"#)
        #expect(try ITF.decode(JSONValue.parse(json.rendered())) == trace)
    }

    @Test func fifoChannelsStayQueues() throws {
        let m = Self.message("p0", "p1", ts: 1)
        let trace = Self.trace(network: .map([.init(key: .name("p0->p1"), value: .sequence([m, m]))]), emptyNetwork: .map([]))
        let json = ITF.encode(trace)
        guard case .array(let states)? = json["states"] else { Issue.record("no states"); return }
        #expect(json["#meta"]?["network"] == .string("fifo"))
        #expect(states[1]["network"]?.rendered(pretty: false) == """
            {"#map":[["p0->p1",[{"kind":"request","sender":"p0","receiver":"p1","ts":{"#bigint":"1"}},\
            {"kind":"request","sender":"p0","receiver":"p1","ts":{"#bigint":"1"}}]]]}
            """)
        #expect(try ITF.decode(JSONValue.parse(json.rendered())) == trace)
    }

    /// A counterexample saved before messages said `sender` (bags as lists, no network semantics
    /// in `#meta`) reads as it did, so it can still be shown and replayed.
    @Test func aTraceWrittenBeforeReadsTheSame() throws {
        let m = Self.message("p0", "p1", ts: 1)
        let old = ##"""
            {"#meta": {"source": "kripke", "spec": "demo", "parameters": {}}, "vars": ["network"], "states": [
              {"#meta": {"index": 0}, "network": []},
              {"#meta": {"index": 1, "action": "deliver", "process": "p1", "message": {"kind": "request", "from": "p0", "to": "p1"}},
               "network": [{"kind": "request", "from": "p0", "to": "p1", "ts": {"#bigint": "1"}},
                           {"kind": "request", "from": "p0", "to": "p1", "ts": {"#bigint": "1"}}]}]}
            """##
        #expect(try ITF.decode(JSONValue.parse(old)) == Self.trace(network: .sequence([m, m]), emptyNetwork: .sequence([])))
    }

    @Test func aBagCountMustBePositive() {
        let text = ##"""
            {"#meta": {"source": "kripke", "network": "unordered"}, "vars": ["network"], "states": [
              {"network": {"#map": [[{"kind": "ping", "sender": "p0", "receiver": "p1"}, {"#bigint": "0"}]]}}]}
            """##
        #expect {
            try ITF.decode(JSONValue.parse(text))
        } throws: { error in
            "\(error)" == "not an ITF trace: an unordered network maps each message to its count (a positive integer), not 0"
        }
    }

    @Test func aTraceAnotherToolWroteIsNotDecodedAsKripkes() {
        #expect {
            try ITF.decode(JSONValue.parse(#"{"vars": ["x"], "states": [{"x": 1}]}"#))
        } throws: { error in
            "\(error)".contains("it was not written by Kripke ('#meta' has no \"source\": \"kripke\")")
        }
    }
}
