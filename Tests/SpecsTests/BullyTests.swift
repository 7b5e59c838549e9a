import Explorer
import Kripke
import Specs
import Testing

@Suite struct BullyTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("bully")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 3052)
        #expect(result.statistics.transitions == 10724)
        #expect(result.statistics.depth == 24)
    }

    @Test func correctHoldsWithTwoOfThreeCrashing() throws {
        let result = try SpecHarness.check("bully", ["N": 3, "F": 2])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 198)
    }

    @Test func earlyTimeoutElectsTwoLeaders() throws {
        let result = try SpecHarness.check("bully-early-timeout")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("unique leader"))
        #expect(violation.trace.length == 5)
        #expect(violation.trace.steps.first?.action == "crash")
        #expect(violation.trace.steps.last?.action == "win")
    }

    @Test func rejectsCrashingEveryProcess() {
        #expect(throws: SpecError.self) { try SpecHarness.spec("bully").instantiate(["N": 2, "F": 2]) }
    }
}

/// Elections end under weak fairness of every process's steps, whichever processes crash: the
/// fair-cycle search finds no run that stops coming back to the highest live coordinator.
@Suite struct BullyLivenessTests {
    @Test(arguments: [[String: Int](), ["N": 3, "F": 2], ["N": 2, "F": 1]])
    func theHighestLiveProcessIsAlwaysEventuallyCoordinator(parameters: [String: Int]) throws {
        let result = try LivenessChecker(SpecHarness.spec("bully").instantiate(parameters)).run()
        #expect(result.properties.map(\.name) == ["the highest live process is known as coordinator"])
        #expect(result.properties.allSatisfy { $0.lasso == nil }, "\(parameters)")
    }
}
