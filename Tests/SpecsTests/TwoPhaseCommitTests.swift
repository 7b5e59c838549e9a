import Explorer
import Kripke
import Specs
import Testing

@Suite struct TwoPhaseCommitTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("two-phase-commit")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 796)
        #expect(result.statistics.transitions == 2526)
        #expect(result.statistics.depth == 14)
    }

    @Test func correctHoldsForTwoParticipants() throws {
        let result = try SpecHarness.check("two-phase-commit", ["N": 2])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 80)
    }

    /// Two YES of three: the coordinator commits although the third voted NO and aborted.
    @Test func majorityCommitBreaksAtomicity() throws {
        let result = try SpecHarness.check("two-phase-commit-majority")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("atomic commitment"))
        #expect(violation.trace.length == 11)
        #expect(violation.trace.steps.map(\.action).contains("vote no"))
        #expect(violation.trace.steps.suffix(2).map(\.action) == ["commit", "receive commit"])
    }

    @Test func majorityCommitWithFiveParticipants() throws {
        let result = try SpecHarness.check("two-phase-commit-majority", ["N": 5])
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.trace.length == 14)
    }
}
