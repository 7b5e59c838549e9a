import Explorer
import Kripke
import Specs
import Testing

@Suite struct RicartAgrawalaTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("ricart-agrawala")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 3300)
        #expect(result.statistics.transitions == 10270)
        #expect(result.statistics.depth == 21)
    }

    @Test func correctHoldsForTwoProcessesTwoRounds() throws {
        let result = try SpecHarness.check("ricart-agrawala", ["N": 2, "R": 2])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 207)
    }

    @Test func tieBugViolatesMutualExclusion() throws {
        let result = try SpecHarness.check("ricart-agrawala-tie-bug")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("mutual exclusion"))
        #expect(violation.trace.length == 12)
        #expect(violation.trace.steps.suffix(2).map(\.action) == ["enter", "enter"])
    }

    @Test func tieBugWithTwoProcesses() throws {
        let result = try SpecHarness.check("ricart-agrawala-tie-bug", ["N": 2])
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.trace.length == 8)
    }
}
