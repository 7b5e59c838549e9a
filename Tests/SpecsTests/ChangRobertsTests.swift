import Explorer
import Kripke
import Specs
import Testing

@Suite struct ChangRobertsTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("chang-roberts")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 116)
        #expect(result.statistics.transitions == 281)
        #expect(result.statistics.depth == 10)
    }

    /// Ids increasing along the ring: every id but the largest dies after one hop.
    @Test func correctHoldsForIncreasingIds() throws {
        let result = try SpecHarness.check("chang-roberts", ["ORDER": 0])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 63)
    }

    @Test func correctHoldsForFiveProcesses() throws {
        let result = try SpecHarness.check("chang-roberts", ["N": 5])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 489)
    }

    @Test func forwardSmallerEndsWithoutLeader() throws {
        let result = try SpecHarness.check("chang-roberts-forward-smaller")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("agreement at end"))
        #expect(violation.trace.length == 7)
        #expect(violation.trace.steps.last?.action == "receive election")
    }
}
