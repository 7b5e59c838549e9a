import Foundation
import Testing
import Traces

/// A trace Quint wrote (hand-written fixture in Quint's shape: big integers, sets, maps, tuples,
/// records, variants, `mbt::actionTaken`) is read and shown as the variables that changed.
@Suite struct ForeignTraceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ITFFixtures/quint-bank.itf.json")

    static func read() throws -> ForeignTrace {
        guard case .foreign(let trace) = try ITF.read(JSONValue.parse(String(contentsOf: fixture, encoding: .utf8))) else {
            throw ITFError("the Quint fixture was read as Kripke's")
        }
        return trace
    }

    @Test func quintTraceShowsChangedVariablesPerStep() throws {
        let trace = try Self.read()
        #expect(trace.source == "bank.qnt")
        #expect(trace.actions == ["init", "request", "settle"])
        // balances is written in another order in state 1: the same map, so no change there.
        #expect(ForeignTraceFormatter().format(trace) == """
            ITF trace from bank.qnt (not written by Kripke: no processes or messages)
            State 0 (initial)
              balances         = Map("alice" -> 10, "bob" -> 0)
              pending          = Set()
              log              = []
              supply           = 18446744073709551616
              mbt::nondetPicks = { amount: None }
            Step 1: request
              pending: Set() → Set(("alice", "bob", 3))
              log: [] → [{ from: "alice", to: "bob", amount: 3 }]
              mbt::nondetPicks: { amount: None } → { amount: Some(3) }
            Step 2: settle
              balances: Map("alice" -> 10, "bob" -> 0) → Map("alice" -> 7, "bob" -> 3)
              pending: Set(("alice", "bob", 3)) → Set()
              mbt::nondetPicks: { amount: Some(3) } → { amount: None }
            """)
    }

    @Test func valuesAreCheckedAsStrictlyAsKripkes() {
        for (text, message) in [
            (#"{"vars": ["x"], "states": [{"x": 1.5}]}"#, "not an ITF trace: a value is 1.5, not an integer (integers beyond 2^53 are written {\"#bigint\": \"…\"})"),
            (##"{"vars": ["x"], "states": [{"x": {"#bigint": "12a"}}]}"##, "not an ITF trace: bad #bigint '12a'"),
            (#"{"vars": ["x"], "states": [{"x": null}]}"#, "not an ITF trace: null is not a value"),
            (#"{"vars": ["x"], "states": [{"y": true}]}"#, "not an ITF trace: state 0 has no value for 'x'"),
        ] {
            #expect { try ITF.read(JSONValue.parse(text)) } throws: { "\($0)" == message }
        }
    }
}
