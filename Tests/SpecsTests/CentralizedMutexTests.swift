import Explorer
import Kripke
import Specs
import Testing

@Suite struct CentralizedMutexTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("centralized-mutex")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 1238)
        #expect(result.statistics.transitions == 2748)
        #expect(result.statistics.depth == 30)
    }

    @Test func correctHoldsForFourClientsOneRound() throws {
        let result = try SpecHarness.check("centralized-mutex", ["N": 4, "R": 1])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 1017)
        #expect(result.statistics.depth == 20)
    }

    /// Two requests, both granted: the coordinator never looked at `holder`.
    @Test func blindGrantViolatesMutualExclusion() throws {
        let result = try SpecHarness.check("centralized-mutex-blind-grant")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("mutual exclusion"))
        #expect(violation.trace.length == 6)
        #expect(violation.trace.steps.map(\.action).filter { $0 == "receive request" }.count == 2)
        #expect(violation.trace.steps.suffix(2).map(\.action) == ["receive grant", "receive grant"])
    }
}
