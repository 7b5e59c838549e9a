@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// Actions choosing several values, and `Assert`, on the explorer: exact counts against the same
/// spec written by hand, the shortest assertion counterexample, and reductions that keep verdicts.
@Suite struct ChoosingAndAssertTests {
    private func check(_ spec: SpecDefinition, partialOrder: Bool = false, symmetry: Bool = true) throws -> CheckResult {
        var options = SearchOptions(partialOrder: partialOrder)
        options.symmetry = symmetry
        return try BreadthFirstSearch(try spec.instantiate(), options: options).run()
    }

    @Test func twoChoicesGiveTheStatesOfOneActionPerValue() throws {
        let chosen = try check(ChoosingSpecs.raise(agreement: false))
        let byHand = try check(ChoosingSpecs.raiseByHand)
        guard case .holds = chosen.verdict, case .holds = byHand.verdict else {
            Issue.record("expected both to hold: \(chosen.verdict), \(byHand.verdict)")
            return
        }
        #expect(chosen.statistics.states == 25)
        #expect(chosen.statistics.transitions == 80)
        #expect(chosen.statistics.depth == 2)
        #expect(byHand.statistics.states == 25)
        #expect(byHand.statistics.transitions == 80)
        #expect(byHand.statistics.depth == 2)
        #expect(chosen.statistics.coverage == [ActionCoverage(name: "raise", transitions: 80, newStates: 24)])
    }

    @Test func traceStepsShowEveryChosenValue() throws {
        let result = try check(ChoosingSpecs.raise(agreement: true))
        guard case .violated(let violation) = result.verdict else {
            Issue.record("expected a violation, got \(result.verdict)")
            return
        }
        #expect(violation.kind == .invariant("one value at ballot 2"))
        #expect(violation.trace.length == 2)
        #expect(violation.trace.steps.map(\.description) == ["p0: raise (choosing 2, 0)", "p1: raise (choosing 2, 1)"])
        #expect(violation.trace.steps.map(\.choices) == [[2, 0], [2, 1]])
    }

    @Test func choiceCodesAreMixedRadixWithTheFirstValueMostSignificant() throws {
        let ir = try ChoosingSpecs.raise(agreement: false).instantiate()
        let encoding = try #require(ChoiceEncoding(ir.actions[0], roles: ir.roles))
        #expect(encoding.codes == 2..<6)
        #expect(encoding.codes.map(encoding.values(of:)) == [[1, 0], [1, 1], [2, 0], [2, 1]])
        #expect(encoding.code(of: [2, 1]) == 5)
        #expect(ir.actions[0].choiceCodes(roles: ir.roles) == 2..<6)
    }

    @Test func assertionViolationIsTheShortestRunEndingInTheFailingStep() throws {
        for symmetry in [false, true] {
            let result = try check(ChoosingSpecs.boundedSum, symmetry: symmetry)
            guard case .violated(let violation) = result.verdict else {
                Issue.record("expected a violation, got \(result.verdict)")
                return
            }
            #expect(violation.kind == .assertion(ChoosingSpecs.sumAssertion))
            #expect(violation.property == "assertion 'total stays at most 4'")
            #expect(violation.trace.length == 3)
            // The trace holds the failing step and the state it produced: the total went past 4.
            #expect(violation.trace.states.last?["total"] == .int(5))
            #expect(violation.trace.steps.last?.action == "add")
            #expect(violation.trace.steps.last?.choices == [2])
            #expect(try TraceReplay(try ChoosingSpecs.boundedSum.instantiate()).replay(violation.trace) == .replays)
        }
    }

    @Test func exactAssertionCounterexample() throws {
        let result = try check(ChoosingSpecs.boundedSum, symmetry: false)
        guard case .violated(let violation) = result.verdict else {
            Issue.record("expected a violation, got \(result.verdict)")
            return
        }
        #expect(violation.trace.steps.map(\.description) == ["p0: add (choosing 1)", "p0: add (choosing 2)", "p1: add (choosing 2)"])
        #expect(violation.trace.states.map { $0["total"] } == [.int(0), .int(1), .int(3), .int(5)])
    }

    @Test func partialOrderReductionKeepsTheVerdicts() throws {
        for spec in [ChoosingSpecs.boundedSum, ChoosingSpecs.raise(agreement: true)] {
            let full = try check(spec, partialOrder: false)
            let reduced = try check(spec, partialOrder: true)
            guard case .violated(let expected) = full.verdict, case .violated(let found) = reduced.verdict else {
                Issue.record("\(spec.name): expected violations, got \(full.verdict) and \(reduced.verdict)")
                continue
            }
            #expect(found.kind == expected.kind)
            #expect(try TraceReplay(try spec.instantiate()).replay(found.trace) == .replays)
        }
        let full = try check(ChoosingSpecs.raise(agreement: false), partialOrder: false)
        let reduced = try check(ChoosingSpecs.raise(agreement: false), partialOrder: true)
        #expect(full.verdict == .holds)
        #expect(reduced.verdict == .holds)
        // Two independent processes: the reduction takes one process's steps first.
        #expect(reduced.statistics.states == 13)
    }

    @Test func simulationFindsTheAssertionViolation() throws {
        var options = SimulationOptions(seed: 1)
        options.runs = 200
        let result = try RandomSimulation(try ChoosingSpecs.boundedSum.instantiate(), options: options).run()
        guard case .violated(let violation, _) = result.verdict else {
            Issue.record("expected a violation, got \(result.verdict)")
            return
        }
        #expect(violation.kind == .assertion(ChoosingSpecs.sumAssertion))
        #expect(violation.trace.steps.last?.action == "add")
        let total = try #require(violation.trace.states.last?["total"])
        #expect(total == .int(5) || total == .int(6))
    }
}

/// Fairness of each instance of an action that chooses two values: one unit per process and pair.
@Suite struct ChoosingFairnessTests {
    @Test func eachInstanceFairnessTellsPairsApart() throws {
        let fair = try LivenessChecker(try ChoosingSpecs.reachThree(eachInstance: true).instantiate()).run()
        #expect(fair.properties.map(\.name) == ["x reaches 3"])
        #expect(fair.properties.first?.lasso == nil)
        #expect(fair.states == 4)
        let whole = try LivenessChecker(try ChoosingSpecs.reachThree(eachInstance: false).instantiate()).run()
        let lasso = try #require(whole.properties.first?.lasso)
        #expect(lasso.length == 1)
        #expect(lasso.steps.map(\.description) == ["p: set (choosing 0, 0)"])
        #expect(whole.properties.first?.fairness == ["weak fairness of set: taken in the cycle"])
    }
}
