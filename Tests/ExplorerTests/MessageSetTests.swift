@testable import Explorer
import Kripke
import Testing

/// A message set (`.messageSet()`) needs no capacity: it is derived from the message domains,
/// every distinct message between every ordered pair of processes, so it never overflows.
@Suite struct MessageSetTests {
    /// Each of 2 processes may send ping(v), v in 0...2, to the other; a ping is recorded.
    static func pings(_ network: Network) throws -> SpecIR {
        try SpecDefinition(name: "pings", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 2)
            let heard = s.variable("heard", per: procs, in: .range(0...2), initial: 0)
            let value = Field("v", .range(0...2))
            let ping = s.message("ping", value)
            s.network(network)
            s.action("send", for: procs, choosing: 0...2) { i, v in
                Send(ping.with(value, v), from: i, to: procs.next(i))
            }
            s.on(ping, at: procs) { m in
                heard[m.receiver] <- m[value]
            }
            s.validEndState(true)
        }.instantiate()
    }

    @Test func theCapacityIsEveryDistinctMessageBetweenEveryPair() throws {
        #expect(try Self.pings(.messageSet()).network.capacity == 2 * 2 * 3)
        #expect(try Self.pings(.messageSet()).network.duplicating)
    }

    /// The same states as the same set with that capacity given by hand; a smaller one is reached.
    @Test func itExploresWhatAHandPickedCapacityWould() throws {
        let derived = try BreadthFirstSearch(Self.pings(.messageSet()), options: SearchOptions(partialOrder: false)).run()
        let given = try BreadthFirstSearch(Self.pings(.unordered(capacity: 12, duplicating: true)),
                                           options: SearchOptions(partialOrder: false)).run()
        #expect(derived.verdict == .holds)
        #expect(derived.statistics.states == given.statistics.states)
        #expect(derived.statistics.transitions == given.statistics.transitions)
        // Per process: the pings sent to it (a subset of 3) and what it heard — 0, or one of them:
        // Σ over subsets S of |{0} ∪ S| = 16; for two processes 16² = 256.
        #expect(derived.statistics.states == 256)
        let tight = try BreadthFirstSearch(Self.pings(.unordered(capacity: 2, duplicating: true)),
                                           options: SearchOptions(partialOrder: false)).run()
        guard case .incomplete = tight.verdict else {
            Issue.record("a capacity of 2 is reached: \(tight.verdict)")
            return
        }
    }
}
