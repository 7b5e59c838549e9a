import Explorer
import Kripke
import Specs
import Testing

@Suite struct LamportMutexTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("lamport-mutex")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 8376)
        #expect(result.statistics.transitions == 25178)
        #expect(result.statistics.depth == 27)
    }

    @Test func correctHoldsForTwoProcessesTwoRounds() throws {
        let result = try SpecHarness.check("lamport-mutex", ["N": 2, "R": 2])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 315)
    }

    /// A REPLY overtakes the REQUEST its sender made before it; both processes enter.
    @Test func unorderedNetworkViolatesMutualExclusion() throws {
        let result = try SpecHarness.check("lamport-mutex-unordered")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("mutual exclusion"))
        #expect(violation.trace.length == 12)
        #expect(violation.trace.steps.suffix(3).map(\.action) == ["receive request", "receive reply", "enter"])
    }

    @Test func unorderedNetworkWithTwoProcesses() throws {
        let result = try SpecHarness.check("lamport-mutex-unordered", ["N": 2])
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.trace.length == 8)
    }

    @Test func enteringWithoutRepliesViolatesMutualExclusion() throws {
        let result = try SpecHarness.check("lamport-mutex-no-replies")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.trace.length == 4)
        #expect(violation.trace.steps.map(\.action) == ["request", "request", "enter", "enter"])
    }
}
