@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// The test that finds unsound reductions: over a thousand random specs, each invariant (and
/// deadlock freedom) checked alone with partial-order reduction must give the verdict the full
/// search gives. One allowance follows from the design (`StubbornSets`): where the full search
/// meets the network's capacity (incomplete), the reduced one may prove the property for
/// unbounded channels instead, or stop incomplete before the violation the full one finds.
@Suite struct RandomSpecCrossCheckTests {
    enum Outcome: Equatable { case holds, violated, incomplete, limit }

    static func outcome(_ ir: SpecIR, deadlock: Bool, partialOrder: Bool) throws -> Outcome {
        var options = SearchOptions(partialOrder: partialOrder)
        options.checkDeadlock = deadlock
        options.maxStates = 1_500
        switch try BreadthFirstSearch(ir, options: options).run().verdict {
        case .holds: return .holds
        case .violated: return .violated
        case .incomplete(let reason): return reason.hasPrefix("state limit") ? .limit : .incomplete
        }
    }

    /// Each property of the spec alone: every invariant without deadlock checking, then all
    /// invariants together (when there are several), then deadlock freedom without invariants.
    static func properties(of ir: SpecIR) -> [(SpecIR, Bool)] {
        var alone = ir.invariants.map { invariant in
            var copy = ir
            copy.invariants = [invariant]
            return (copy, false)
        }
        if ir.invariants.count > 1 { alone.append((ir, false)) }
        var deadlockOnly = ir
        deadlockOnly.invariants = []
        alone.append((deadlockOnly, true))
        return alone
    }

    static func agrees(reduced: Outcome, full: Outcome) -> Bool {
        if reduced == full || reduced == .limit || full == .limit { return true }
        switch (reduced, full) {
        case (.holds, .incomplete), (.incomplete, .violated): return true
        default: return false
        }
    }

    /// Searches `ir` with and without the reduction and expects the verdicts to agree.
    static func expectAgreement(_ ir: SpecIR, deadlock: Bool, seed: UInt64,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let full = try outcome(ir, deadlock: deadlock, partialOrder: false)
        let reduced = try outcome(ir, deadlock: deadlock, partialOrder: true)
        let property = deadlock ? "deadlock" : ir.invariants.map(\.name).joined(separator: " and ")
        #expect(agrees(reduced: reduced, full: full), "seed \(seed): \(property) — reduced \(reduced), full \(full)",
                sourceLocation: sourceLocation)
    }

    /// Also with sets of initial states: some variables start at any value, filtered by an initial condition.
    @Test(arguments: [false, true])
    func reductionAgreesWithFullSearchOnRandomSpecs(initialChoices: Bool) throws {
        var compared = 0, reducedSomething = 0
        for seed in UInt64(1)...(initialChoices ? 300 : 1_000) {
            var random = SplitMix(seed: seed)
            let ir = RandomSpecs.make(&random, initialChoices: initialChoices)
            for (single, deadlock) in Self.properties(of: ir) {
                try Self.expectAgreement(single, deadlock: deadlock, seed: seed)
                compared += 1
            }
            var options = SearchOptions()
            options.checkDeadlock = false
            options.maxStates = 1_500
            if let por = try BreadthFirstSearch(ir, options: options).run().statistics.partialOrder, por.reducedStates > 0 {
                reducedSomething += 1
            }
        }
        #expect(compared > (initialChoices ? 600 : 2_000))
        // The generator must exercise the reduction, or the comparison proves nothing.
        #expect(reducedSomething > (initialChoices ? 30 : 100), "\(reducedSomething)")
    }
}
