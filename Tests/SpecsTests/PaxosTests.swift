import Explorer
import Kripke
import Specs
import Testing

@Suite struct PaxosTests {
    @Test func correctHoldsWithPinnedCounts() throws {
        let result = try SpecHarness.check("paxos")
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 28224)
        #expect(result.statistics.transitions == 369768)
        #expect(result.statistics.depth == 23)
    }

    /// A crash only stops an acceptor: with F=1 of 3, every state appears with no acceptor or one
    /// of the three crashed.
    @Test func crashesMultiplyStatesByTheCrashChoices() throws {
        let result = try SpecHarness.check("paxos", ["F": 0])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 7056)
    }

    @Test func correctHoldsOnALossyNetwork() throws {
        let result = try SpecHarness.check("paxos", ["B": 1, "F": 0, "L": 1])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 20457)
    }

    @Test func correctHoldsForFiveAcceptorsWithACrash() throws {
        let result = try SpecHarness.check("paxos", ["N": 5, "B": 1, "F": 1])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 11256)
    }

    /// Ballot 0 chooses value 1; proposer 1 hears of it in a promise and proposes 2 anyway.
    @Test func ignoringPromisedValuesChoosesTwoValues() throws {
        let result = try SpecHarness.check("paxos-ignore-promised-values")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("agreement"))
        #expect(violation.trace.length == 16)
        #expect(violation.trace.steps.last?.action == "receive accept")
    }

    @Test func acceptingBelowThePromiseChoosesTwoValues() throws {
        let result = try SpecHarness.check("paxos-accept-below-promise")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("agreement"))
        #expect(violation.trace.length == 16)
        #expect(violation.trace.steps.last?.action == "receive accept")
    }

    @Test func rejectsAnEvenNumberOfAcceptorsOrAMajorityOfCrashes() {
        #expect(throws: SpecError.self) { try SpecHarness.spec("paxos").instantiate(["N": 4]) }
        #expect(throws: SpecError.self) { try SpecHarness.spec("paxos").instantiate(["N": 3, "F": 2]) }
    }
}
