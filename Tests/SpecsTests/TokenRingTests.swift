import Explorer
import Kripke
import Specs
import Testing

@Suite struct TokenRingTests {
    /// 900 = 3 token holders × 7·5·5 process states (only the holder may be critical)
    ///     + 3 channels with the token in flight × 5·5·5.
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("token-ring")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 900)
        #expect(result.statistics.transitions == 1920)
        #expect(result.statistics.depth == 28)
    }

    @Test func correctHoldsForFourProcessesOneRound() throws {
        let result = try SpecHarness.check("token-ring", ["N": 4, "R": 1])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 756)
    }

    /// p1 regenerates the token while p0 is using the original one.
    @Test func regeneratedTokenViolatesMutualExclusion() throws {
        let result = try SpecHarness.check("token-ring-regenerate")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("mutual exclusion"))
        #expect(violation.trace.length == 5)
        #expect(violation.trace.steps.suffix(3).map(\.action) == ["enter", "regenerate", "enter"])
    }
}
