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

    /// Without randomised timeouts the votes split: all three servers time out in term 1, vote
    /// for themselves and refuse the others; every message is delivered, and at the term bound
    /// no step is left — a fair run (it stutters) with no leader.
    @Test func votesCanSplitForEver() throws {
        let ir = try SpecHarness.spec("raft-election-split-votes").instantiate()
        let result = try LivenessChecker(ir).run()
        let lasso = try #require(result.properties.first?.lasso)
        #expect(result.properties.map(\.name) == ["a leader is elected"])
        #expect(lasso.length == 15)
        #expect(lasso.loop == 15)
        #expect(lasso.steps.prefix(3).map(\.description) == ["s0: timeout", "s1: timeout", "s2: timeout"])
        #expect(lasso.states.last?["state"]?.description == "[s0: candidate, s1: candidate, s2: candidate]")
        #expect(try TraceReplay(ir).replay(lasso) == .replays)
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
