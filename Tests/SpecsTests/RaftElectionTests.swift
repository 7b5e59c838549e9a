import Explorer
import Kripke
import Specs
import Testing

@Suite struct RaftElectionTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("raft-election")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 1108)
        #expect(result.statistics.transitions == 3900)
        #expect(result.statistics.depth == 15)
    }

    /// Three terms: candidates of older terms meet higher terms and step down.
    @Test func correctHoldsForTwoServersThreeTerms() throws {
        let result = try SpecHarness.check("raft-election", ["N": 2, "T": 3])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 2222)
    }

    /// Two candidates of term 1; the third server votes for both.
    @Test func doubleVoteElectsTwoLeadersInOneTerm() throws {
        let result = try SpecHarness.check("raft-election-double-vote")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("one leader per term"))
        #expect(violation.trace.length == 6)
        #expect(violation.trace.steps.prefix(2).map(\.action) == ["timeout", "timeout"])
        #expect(violation.trace.steps.suffix(2).map(\.action) == ["receive vote", "receive vote"])
    }
}
