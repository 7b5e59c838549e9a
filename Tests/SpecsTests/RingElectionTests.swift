import Explorer
import Kripke
import Specs
import Testing

@Suite struct RingElectionTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("ring-election")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 848)
        #expect(result.statistics.transitions == 1596)
        #expect(result.statistics.depth == 21)
    }

    @Test func correctHoldsForFourProcesses() throws {
        let result = try SpecHarness.check("ring-election", ["N": 4])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 23312)
    }

    /// Every process starts, then each drops the ELECTION it receives: nobody is elected.
    @Test func dropWhenParticipatingEndsWithoutLeader() throws {
        let result = try SpecHarness.check("ring-election-drop-when-participating")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("agreement at end"))
        #expect(violation.trace.length == 6)
        #expect(violation.trace.steps.prefix(3).map(\.action) == ["start", "start", "start"])
        #expect(violation.trace.steps.suffix(3).map(\.action) == ["receive election", "receive election", "receive election"])
    }
}
