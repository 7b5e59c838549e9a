@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// Scalarsets: interchangeable values (not processes) that symmetry reduction permutes like the
/// ids of a symmetric role — in variables, initial choices and quantifiers.
@Suite struct ScalarsetTests {
    private func search(_ ir: SpecIR, symmetry: Bool) throws -> CheckResult {
        var options = SearchOptions(partialOrder: false)
        options.symmetry = symmetry
        return try BreadthFirstSearch(ir, options: options).run()
    }

    /// 9 initial states and 3 + 6·2 decided ones: 24; up to permutations of the values, the
    /// proposals are equal or not (2 initial orbits) and the decision none, the common value, or
    /// either writer's: 5.
    @Test func symmetryPermutesTheValues() throws {
        let full = try search(DSLSpecs.decide(), symmetry: false)
        #expect(full.verdict == .holds)
        #expect(full.statistics.initialStates == 9)
        #expect(full.statistics.states == 24)
        let reduced = try search(DSLSpecs.decide(), symmetry: true)
        #expect(reduced.verdict == .holds)
        #expect(reduced.statistics.initialStates == 2)
        #expect(reduced.statistics.states == 5)
    }

    @Test func aViolationIsFoundWithAndWithoutSymmetry() throws {
        for symmetry in [false, true] {
            guard case .violated(let violation) = try search(DSLSpecs.decide(wrongDecision: true), symmetry: symmetry).verdict else {
                Issue.record("expected a violation (symmetry \(symmetry))")
                continue
            }
            #expect(violation.kind == .invariant("w1 decides its own"))
            #expect(violation.trace.length == 1)
            #expect(try TraceReplay(DSLSpecs.decide(wrongDecision: true)).replay(violation.trace) == .replays)
        }
    }

    @Test func membersOfAScalarsetTakeNoSteps() throws {
        #expect {
            try SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
                let values = s.scalarset("v", count: 2)
                s.action("act", for: values) { _ in }
            }.instantiate()
        } throws: { error in
            (error as? SpecError)?.problems.first?.message.hasPrefix("'v' is a scalarset, a set of values") == true
        }
    }

    /// Values may be compared for equality only, like the ids of any symmetric role.
    @Test func orderingValuesIsRejected() throws {
        #expect(throws: SpecError.self) {
            try SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
                let values = s.scalarset("v", count: 2)
                let procs = s.processes("p", count: 1)
                let x = s.variable("x", per: procs, in: .scalar(values), initially: .scalar(values))
                s.invariant("ordered", ForAll(procs) { p in x[p].isLess(than: values.process(1)) })
            }.instantiate()
        }
    }

    @Test func explainListsTheValuesApart() throws {
        let text = SpecPrinter(try DSLSpecs.decide()).render()
        #expect(text.contains("processes:\n  w: w0, w1\nscalarsets (interchangeable values):\n  v: v0, v1, v2\n"))
    }
}
