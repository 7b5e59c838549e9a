import Explorer
import Kripke
import Specs
import Testing

@Suite struct HirschbergSinclairTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("hirschberg-sinclair")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 86206)
        #expect(result.statistics.transitions == 351077)
        #expect(result.statistics.depth == 40)
    }

    @Test func correctHoldsForThreeProcesses() throws {
        let result = try SpecHarness.check("hirschberg-sinclair", ["N": 3])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 4114)
    }

    /// A phase-1 probe sent counterclockwise is relayed clockwise, straight back to its sender.
    @Test func oneWayRelayElectsALocalMaximum() throws {
        let result = try SpecHarness.check("hirschberg-sinclair-one-way-relay")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("unique leader"))
        #expect(violation.trace.length == 14)
        #expect(violation.trace.steps.last?.action == "receive probe")
    }
}
