import Explorer
import Kripke
import Specs
import Testing

@Suite struct MajorityVotingTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("majority-voting")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 9365)
        #expect(result.statistics.transitions == 36284)
        #expect(result.statistics.depth == 42)
    }

    @Test func correctHoldsWithTwoCoordinators() throws {
        let result = try SpecHarness.check("majority-voting", ["K": 2])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 2090)
    }

    /// K/2 = 1 of 3 votes: each client enters with a single vote.
    @Test func halfMajorityViolatesMutualExclusion() throws {
        let result = try SpecHarness.check("majority-voting-half")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("mutual exclusion"))
        #expect(violation.trace.length == 16)
        #expect(violation.trace.steps.suffix(2).map(\.action) == ["enter", "enter"])
    }

    /// K/2 = 2 of 4 votes: two disjoint halves.
    @Test func halfMajorityWithFourCoordinators() throws {
        let result = try SpecHarness.check("majority-voting-half", ["K": 4])
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.trace.length == 20)
    }

    /// A coordinator restarts without its vote and grants it a second time.
    @Test func amnesiaViolatesMutualExclusion() throws {
        let result = try SpecHarness.check("majority-voting-amnesia")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("mutual exclusion"))
        #expect(violation.trace.length == 17)
        let actions = violation.trace.steps.suffix(4).map(\.action)
        #expect(actions == ["restart", "receive request", "receive grant", "enter"])
    }
}
