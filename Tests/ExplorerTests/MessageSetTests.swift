@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// A message set (`.messageSet()`) needs no capacity: it is derived from the message domains,
/// every distinct message between every ordered pair of processes, so it never overflows.
@Suite struct MessageSetTests {
    @Test func theCapacityIsEveryDistinctMessageBetweenEveryPair() throws {
        #expect(try DSLSpecs.pings(.messageSet()).network.capacity == 2 * 2 * 3)
        #expect(try DSLSpecs.pings(.messageSet()).network.duplicating)
    }

    /// The same states as the same set with that capacity given by hand; a smaller one is reached.
    @Test func itExploresWhatAHandPickedCapacityWould() throws {
        let derived = try BreadthFirstSearch(DSLSpecs.pings(.messageSet()), options: SearchOptions(partialOrder: false)).run()
        let given = try BreadthFirstSearch(DSLSpecs.pings(.unordered(capacity: 12, duplicating: true)),
                                           options: SearchOptions(partialOrder: false)).run()
        #expect(derived.verdict == .holds)
        #expect(derived.statistics.states == given.statistics.states)
        #expect(derived.statistics.transitions == given.statistics.transitions)
        // Per process: the pings sent to it (a subset of 3) and what it heard — 0, or one of them:
        // Σ over subsets S of |{0} ∪ S| = 16; for two processes 16² = 256.
        #expect(derived.statistics.states == 256)
        let tight = try BreadthFirstSearch(DSLSpecs.pings(.unordered(capacity: 2, duplicating: true)),
                                           options: SearchOptions(partialOrder: false)).run()
        guard case .incomplete = tight.verdict else {
            Issue.record("a capacity of 2 is reached: \(tight.verdict)")
            return
        }
    }
}
