import Explorer
import Kripke
import Testing

/// Mining facts from reachable states: a process that starts becomes busy, counts 1 and pings the
/// other; a ping marks its receiver. The hand-made state below is unreachable in three ways.
@Suite struct ReachableFactsTests {
    static let pings = SpecDefinition(name: "pings", summary: "", parameters: [], expectation: .holds) { s in
        let procs = s.processes("p", count: 2)
        let busy = s.variable("busy", per: procs, in: .bool, initial: false)
        let count = s.variable("count", per: procs, in: .range(0...3), initial: 0)
        let seen = s.variable("seen", per: procs, in: .bool, initial: false)
        let ping = s.message("ping")
        s.network(.unordered(capacity: 2))
        s.action("start", for: procs) { i in
            Require(!busy[i])
            busy[i] <- true
            count[i] <- 1
            ForEach(procs, except: i) { j in Send(ping, from: i, to: j) }
        }
        s.on(ping, at: procs) { m in seen[m.receiver] <- true }
    }

    static func state(busy: Bool, count: Int, pingInFlight: Bool) -> TraceState {
        func perProcess(_ first: Value, _ second: Value) -> Value {
            .map([Value.MapEntry(key: .name("p0"), value: first), Value.MapEntry(key: .name("p1"), value: second)])
        }
        let ping = Value.record([Value.RecordField(name: "kind", value: .name("ping")),
                                 Value.RecordField(name: "from", value: .name("p0")),
                                 Value.RecordField(name: "to", value: .name("p1"))])
        return TraceState(values: ["busy": perProcess(.bool(busy), .bool(false)),
                                   "count": perProcess(.int(count), .int(0)),
                                   "seen": perProcess(.bool(false), .bool(false)),
                                   "network": .sequence(pingInFlight ? [ping] : [])])
    }

    @Test func reachableStatesAreAllFound() throws {
        let reachable = try ReachableStates(Self.pings.instantiate()).collect(maxStates: 1_000, maxSeconds: 10)
        // busy × seen per process, ping in flight exactly when started and not yet seen: 3 · 3 states.
        #expect(reachable.states.count == 9)
        #expect(reachable.complete)
        let capped = try ReachableStates(Self.pings.instantiate()).collect(maxStates: 4, maxSeconds: 10)
        #expect(capped.states.count == 4 && !capped.complete)
    }

    @Test func factsTheStateViolatesComeSimplestFirst() throws {
        let ir = try Self.pings.instantiate()
        let facts = ReachableFacts(ir, states: try ReachableStates(ir).collect(maxStates: 1_000, maxSeconds: 10).states)
        #expect(facts.violated(by: Self.state(busy: true, count: 1, pingInFlight: true)).isEmpty)
        let found = facts.violated(by: Self.state(busy: false, count: 1, pingInFlight: true), limit: 20)
        #expect(found.map(\.description) == [
            "∀ i: busy[i] = false ⇒ count[i] = 0   (fails for i = p0)",
            "∀ i: busy[i] = false ⇒ in-flight ping from i = 0   (fails for i = p0)",
            "∀ i ≠ j: in-flight ping i → j = 1 ⇒ busy[i] = true   (fails for i = p0, j = p1)",
        ])
        let focused = facts.violated(by: Self.state(busy: false, count: 1, pingInFlight: true), focus: ["count"], limit: 1)
        #expect(focused.map(\.statement) == ["∀ i: busy[i] = false ⇒ count[i] = 0"])
        // Each fact, turned into an IR lemma, holds in every reachable state by the explorer's own count.
        var options = SearchOptions()
        options.partialOrder = false
        options.checkDeadlock = false
        for fact in found + facts.violated(by: Self.state(busy: true, count: 3, pingInFlight: true), limit: 20) {
            let checked = try BreadthFirstSearch(ReachableFacts.adding(fact, to: ir), options: options).run()
            guard case .holds = checked.verdict else {
                Issue.record("'\(fact.statement)' as a lemma: \(checked.verdict)")
                continue
            }
        }
        // count = 3 was never reached: the unconditional fact comes first.
        let unseen = facts.violated(by: Self.state(busy: true, count: 3, pingInFlight: true), limit: 1)
        #expect(unseen.map(\.statement) == ["∀ i: count[i] ∈ {0, 1}"])
    }
}
