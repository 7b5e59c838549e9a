import Explorer
import Kripke
import Specs
import Testing

@Suite struct TotalOrderMulticastTests {
    /// Depth 20 = 2 multicasts + 4 message receipts + 8 ACK receipts + 6 deliveries.
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("total-order-multicast")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 3161)
        #expect(result.statistics.transitions == 10995)
        #expect(result.statistics.depth == 20)
    }

    @Test func correctHoldsForTwoProcesses() throws {
        let result = try SpecHarness.check("total-order-multicast", ["N": 2, "M": 2])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 81)
    }

    /// p0 delivers its own message, then p1's; p1 delivers its own before p0's arrives.
    @Test func earlyDeliveryBreaksTotalOrder() throws {
        let result = try SpecHarness.check("total-order-multicast-early-delivery")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("total order"))
        #expect(violation.trace.length == 8)
        #expect(violation.trace.steps.filter { $0.action == "deliver" }.count == 4)
        #expect(!violation.trace.steps.contains { $0.action == "receive ack" })
    }

    @Test func rejectsMoreSendersThanProcesses() {
        #expect(throws: SpecError.self) { try SpecHarness.spec("total-order-multicast").instantiate(["N": 2, "M": 3]) }
    }
}
