import Explorer
import Kripke
import Lemmas
import Testing

/// Mining facts from the reachable states a search shows its visitor: a process that starts becomes
/// busy, counts 1 and pings the other; a ping marks its receiver. The hand-made frames below are
/// unreachable in three ways.
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

    /// Cells in declaration order: busy[p0], busy[p1], count[p0], count[p1], seen[p0], seen[p1];
    /// the one ping (no fields) has code 0.
    static func state(busy: Bool, count: Int, pingInFlight: Bool) -> RawFrame {
        RawFrame(cells: [busy ? 1 : 0, 0, count, 0, 0, 0],
                 network: .unordered(pingInFlight ? [RawMessage(sender: 0, receiver: 1, code: 0)] : []))
    }

    /// The facts of every reachable state of `pings`, mined by the explorer's search.
    static func mined(maxStates: Int? = nil) throws -> (facts: ReachableFacts, complete: Bool) {
        let ir = try pings.instantiate()
        let facts = ReachableFacts(ir)
        var options = SearchOptions(partialOrder: false)
        options.symmetry = false
        options.checkDeadlock = false   // every process started and seen is a normal end
        options.maxStates = maxStates
        options.visitor = facts
        let result = try BreadthFirstSearch(ir, options: options).run()
        if case .holds = result.verdict { return (facts, true) }
        return (facts, false)
    }

    @Test func theSearchShowsEveryReachableStateOnce() throws {
        // busy × seen per process, ping in flight exactly when started and not yet seen: 3 · 3 states.
        let (all, complete) = try Self.mined()
        #expect(all.states == 9 && complete)
        let (capped, cappedComplete) = try Self.mined(maxStates: 4)
        #expect(capped.states < 4 && !cappedComplete)
    }

    @Test func factsTheStateViolatesComeSimplestFirst() throws {
        let ir = try Self.pings.instantiate()
        let facts = try Self.mined().facts
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
