import Kripke
import Testing
import Traces

/// JSON, ITF and text renderings of traces.
@Suite struct TraceFormatTests {
    static let trace = Trace(
        spec: "demo", parameters: ["N": 2], variables: ["phase", "count", "network"], ghosts: ["count"],
        states: [
            TraceState(values: [
                "phase": .map([.init(key: .name("p0"), value: .name("idle")), .init(key: .name("p1"), value: .name("idle"))]),
                "count": .int(0), "network": .sequence([]),
            ]),
            TraceState(values: [
                "phase": .map([.init(key: .name("p0"), value: .name("waiting")), .init(key: .name("p1"), value: .name("idle"))]),
                "count": .int(1),
                "network": .sequence([.record([.init(name: "kind", value: .name("request")), .init(name: "from", value: .name("p0")),
                                               .init(name: "to", value: .name("p1")), .init(name: "ts", value: .int(1))])]),
            ]),
        ],
        steps: [TraceStep(action: "request", process: "p0", message: nil, choices: [])])

    @Test func jsonRendersAndParsesBack() throws {
        let document: JSONValue = .object([
            ("text", .string("quote \" backslash \\ newline \n tab \t é")), ("n", .int(-42)), ("x", .number(1.5)),
            ("list", .array([.bool(true), .null, .object([JSONValue.Member]())])),
        ])
        for pretty in [true, false] {
            #expect(try JSONValue.parse(document.rendered(pretty: pretty)) == document)
        }
        #expect(document.rendered(pretty: false) == #"{"text":"quote \" backslash \\ newline \n tab \t é","n":-42,"x":1.5,"list":[true,null,{}]}"#)
    }

    @Test func malformedJSONIsAnErrorWithAnOffset() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"a": }"#) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#"[1, 2"#) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("") }
    }

    @Test func itfUsesBigintsMapsAndRecords() {
        let json = ITF.encode(Self.trace)
        #expect(json["vars"] == .array([.string("phase"), .string("count"), .string("network")]))
        guard case .array(let states)? = json["states"] else { Issue.record("no states"); return }
        #expect(states[1]["count"] == .object([("#bigint", .string("1"))]))
        #expect(states[1]["#meta"]?["action"] == .string("request"))
        #expect(states[0]["phase"] == .object([("#map", .array([
            .array([.string("p0"), .string("idle")]), .array([.string("p1"), .string("idle")]),
        ]))]))
        #expect(json["#meta"]?["format"] == .string("ITF"))
    }

    @Test func itfRoundTrips() throws {
        let text = ITF.encode(Self.trace, description: "demo").rendered()
        #expect(try ITF.decode(JSONValue.parse(text)) == Self.trace)
    }

    @Test func itfDecodingRejectsWhatIsNotATrace() {
        #expect(throws: ITFError.self) { try ITF.decode(.object([("vars", .array([]))])) }
        #expect(throws: ITFError.self) {
            try ITF.decode(.object([("vars", .array([.string("x")])), ("states", .array([.object([JSONValue.Member]())]))]))
        }
    }

    @Test func textShowsOnlyWhatChanged() {
        let text = TextTraceFormatter().format(Self.trace)
        #expect(text == """
            State 0 (initial)
              phase   = [p0: idle, p1: idle]
              count   = 0
              network = empty
            Step 1: p0: request
              phase[p0]: idle → waiting
              count: 0 → 1
              sent: request{ts: 1} p0 → p1
            """)
        let withoutGhosts = TextTraceFormatter(showGhosts: false).format(Self.trace)
        #expect(!withoutGhosts.contains("count"))
    }

    @Test func aCounterexampleToInductionStartsInAnArbitraryState() {
        let text = TextTraceFormatter(firstState: .arbitrary).format(Self.trace)
        #expect(text.hasPrefix("State 0 (arbitrary state satisfying the invariants — may be unreachable)\n"))
    }
}
