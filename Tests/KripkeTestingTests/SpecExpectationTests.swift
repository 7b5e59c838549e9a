import Explorer
import Kripke
import KripkeTesting
import Specs
import Testing

/// The assertions users' tests call: they pass on the expected verdict and fail with the whole
/// result, counterexample included, otherwise.
@Suite struct SpecExpectationTests {
    @Test func holdsWithPinnedCounts() throws {
        let outcome = try expectHolds(RicartAgrawala.correct, parameters: ["N": 2], states: 46, transitions: 62)
        #expect(outcome.verdict == .holds)
    }

    @Test func aDriftedCountFailsNamingBoth() throws {
        let failure = try #require(throws: SpecExpectationFailure.self) {
            try expectHolds(RicartAgrawala.correct, parameters: ["N": 2], states: 47)
        }
        #expect(failure.description.hasPrefix("expected every property of ricart-agrawala (N=2, R=1) to hold in 47 states (found 46), but:"))
    }

    @Test func aViolationFailsAHoldsExpectationWithTheCounterexample() throws {
        let failure = try #require(throws: SpecExpectationFailure.self) {
            try expectHolds(RicartAgrawala.tieBug, parameters: ["N": 2])
        }
        #expect(failure.outcome.verdict == .violated)
        #expect(failure.description.contains("Result: VIOLATED — invariant 'mutual exclusion' fails after 8 steps"))
        #expect(failure.description.contains("Step 8: p1: enter"))
    }

    @Test func violationOfTheNamedPropertyWithinABound() throws {
        let outcome = try expectViolation(RicartAgrawala.tieBug, parameters: ["N": 2], of: "mutual exclusion", within: 8)
        #expect(outcome.trace?.trace.length == 8)
        #expect(throws: SpecExpectationFailure.self) {
            try expectViolation(RicartAgrawala.tieBug, parameters: ["N": 2], of: "mutual exclusion", within: 7)
        }
        #expect(throws: SpecExpectationFailure.self) {
            try expectViolation(RicartAgrawala.tieBug, parameters: ["N": 2], of: PropertyOutcome.deadlockFreedom)
        }
        #expect(throws: SpecExpectationFailure.self) {
            try expectViolation(RicartAgrawala.correct, parameters: ["N": 2], of: "mutual exclusion")
        }
    }

    /// Results compare with `==`.
    @Test func verdictsAreEquatable() throws {
        let ir = try RicartAgrawala.tieBug.instantiate(["N": 2])
        let first = try BreadthFirstSearch(ir).run().verdict
        #expect(first == (try BreadthFirstSearch(ir).run().verdict))
        #expect(first != .holds)
    }
}
