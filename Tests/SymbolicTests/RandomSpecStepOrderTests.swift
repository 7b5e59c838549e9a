import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Verification
import Testing

/// The test that finds an unsound BMC step order: on random specs (the generator the explorer's
/// reduction is cross-checked on), BMC with the order of commuting steps fixed must reach the
/// verdict it reaches with every order — the same first violation depth, or the same depth of
/// the first full network — and a violation at the explorer's shortest length.
@Suite struct RandomSpecStepOrderTests {
    static let depth = 5
    static let seeds: UInt64 = 150

    /// What BMC finds up to `depth`, in terms that must not depend on the step order.
    enum Outcome: Equatable {
        case violated(length: Int)
        case networkFull(checked: Int)
        case holds
    }

    static func bmc(_ ir: SpecIR, deadlock: Bool, reduction: Bool) throws -> (Outcome, Int) {
        var checker = BoundedModelChecker(ir, checkDeadlock: deadlock)
        checker.partialOrderReduction = reduction
        let result = try checker.run(depth: depth)
        switch result.verdict {
        case .violated(let counterexample):
            #expect(try TraceReplay(ir).replay(counterexample.trace) == .replays, "\(ir.name): a counterexample that does not replay")
            return (.violated(length: counterexample.trace.length), result.statistics.commutingPairs)
        case .networkFull(_, let checked): return (.networkFull(checked: checked), result.statistics.commutingPairs)
        case .holdsToDepth: return (.holds, result.statistics.commutingPairs)
        case .timedOut: throw SymbolicError.unsupported("no time limit was set")
        }
    }

    /// Each property of the spec alone (every invariant, then deadlock freedom), so that one
    /// violation found early cannot hide another that the fixed order would miss.
    static func properties(of ir: SpecIR) -> [(SpecIR, deadlock: Bool)] {
        var alone = ir.invariants.map { invariant in
            var copy = ir
            copy.invariants = [invariant]
            return (copy, deadlock: false)
        }
        var deadlockOnly = ir
        deadlockOnly.invariants = []
        alone.append((deadlockOnly, deadlock: true))
        return alone
    }

    @Test func fixedStepOrderAgreesWithEveryOrderOnRandomSpecs() throws {
        var compared = 0, reduced = 0, violations = 0
        for seed in UInt64(1)...Self.seeds {
            var random = SplitMix(seed: seed)
            var spec = RandomSpecs.make(&random)
            spec.name = "random seed \(seed)"
            for (ir, deadlock) in Self.properties(of: spec) {
                let (fixed, pairs) = try Self.bmc(ir, deadlock: deadlock, reduction: true)
                let (every, _) = try Self.bmc(ir, deadlock: deadlock, reduction: false)
                let property = ir.invariants.first?.name ?? "deadlock"
                #expect(fixed == every, "seed \(seed), \(property): fixed order \(fixed), every order \(every)")
                compared += 1
                if pairs > 0 { reduced += 1 }
                var options = SearchOptions(partialOrder: false)
                options.maxStates = 5_000
                options.checkDeadlock = deadlock
                if case .violated(let shortest) = try BreadthFirstSearch(ir, options: options).run().verdict,
                   shortest.trace.length <= Self.depth, case .violated(let length) = fixed {
                    #expect(length == shortest.trace.length, "seed \(seed), \(property): BMC \(length) steps, explorer \(shortest.trace.length)")
                    violations += 1
                }
            }
        }
        // The generator must exercise the reduction: most properties have commuting pairs, and
        // many have violations within the depth.
        #expect(reduced > compared / 2, "only \(reduced) of \(compared) checks had commuting steps")
        #expect(violations > compared / 6, "only \(violations) of \(compared) checks found a violation to compare")
    }
}
