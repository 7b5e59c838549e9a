import Explorer
import Kripke
import Specs
import Testing

@Suite struct ChandyLamportTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("chandy-lamport")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 16092)
        #expect(result.statistics.transitions == 62265)
        #expect(result.statistics.depth == 11)
    }

    @Test func correctHoldsForTwoProcessesThreeTransfers() throws {
        let result = try SpecHarness.check("chandy-lamport", ["N": 2, "T": 3])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 323)
    }

    /// A unit in flight when the receiver recorded arrives before the marker and is not recorded.
    @Test func noChannelStateLosesMoneyInFlight() throws {
        let result = try SpecHarness.check("chandy-lamport-no-channel-state")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("consistent cut"))
        #expect(violation.trace.length == 9)
        #expect(violation.trace.steps.last?.action == "receive marker")
    }

    /// Record, transfer, and the transfer arrives before any marker: received but not sent in the cut.
    @Test func lateMarkersLetATransferOvertakeTheMarker() throws {
        let result = try SpecHarness.check("chandy-lamport-late-markers")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("consistent cut"))
        #expect(violation.trace.length == 3)
        #expect(violation.trace.steps.map(\.action).last == "receive transfer")
    }
}
