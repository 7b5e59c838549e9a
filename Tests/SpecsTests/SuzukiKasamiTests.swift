import Explorer
import Kripke
import Specs
import Testing

@Suite struct SuzukiKasamiTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("suzuki-kasami")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 1345)
        #expect(result.statistics.transitions == 3537)
        #expect(result.statistics.depth == 15)
    }

    @Test func correctHoldsForTwoProcessesTwoRounds() throws {
        let result = try SpecHarness.check("suzuki-kasami", ["N": 2, "R": 2])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 209)
    }

    /// A served REQUEST arrives late and pulls the token to an idle process; p0 waits forever.
    @Test func outdatedRequestDeadlocks() throws {
        let result = try SpecHarness.check("suzuki-kasami-outdated-request")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .deadlock)
        #expect(violation.trace.length == 14)
        #expect(violation.trace.steps.last?.action == "receive token")
        #expect(violation.trace.states.last?["phase"]?.description == "[p0: waiting, p1: idle, p2: idle]")
    }

    /// With LN never updated, a served process is queued again and sent the token.
    @Test func forgottenLNDeadlocks() throws {
        let result = try SpecHarness.check("suzuki-kasami-forget-ln")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .deadlock)
        #expect(violation.trace.length == 14)
        #expect(violation.trace.states.last?["phase"]?.description == "[p0: waiting, p1: idle, p2: idle]")
    }
}
