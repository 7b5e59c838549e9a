import Explorer
import Kripke
import Specs
import Symbolic
import Verification
import Testing

/// BMC on the library. Buggy specs with small counterexamples, one per network flavour (FIFO
/// queues, unordered bags, crash faults): the violation is found at exactly the explorer's
/// (shortest) length and is the same property, with partial-order reduction and without.
/// Correct specs at small sizes: nothing up to the diameter, either way.
@Suite struct SpecLibraryBMCTests {
    @Test(arguments: [
        "lamport-mutex-no-replies",        // FIFO, 4 steps
        "token-ring-regenerate",           // FIFO, 5 steps
        "chandy-lamport-late-markers",     // FIFO, 3 steps
        "centralized-mutex-blind-grant",   // FIFO, 6 steps
        "bully-early-timeout",             // unordered with crashes, 5 steps
        "raft-election-double-vote",       // unordered, 6 steps
        "ring-election-drop-when-participating",   // FIFO, 6 steps
        "chang-roberts-forward-smaller",   // FIFO, 7 steps
        "quorum-replication-last-reply",   // unordered, 10 steps
        "two-phase-commit-majority",       // unordered, 11 steps
        "ewd840-token-stays-white",        // no network, 192 initial states, 2 steps
    ])
    func bmcFindsTheExplorersShortestCounterexample(spec name: String) throws {
        let ir = try #require(SpecLibrary.all.first { $0.name == name }).instantiate()
        guard case .violated(let expected) = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run().verdict else {
            Issue.record("the explorer finds no violation of \(name)")
            return
        }
        for reduction in [true, false] {   // partial-order reduction must keep the shortest length
            try expectBMCFinds(expected, in: ir, partialOrderReduction: reduction)
        }
    }

    private func expectBMCFinds(_ expected: Violation, in ir: SpecIR, partialOrderReduction: Bool) throws {
        let name = ir.name
        var checker = BoundedModelChecker(ir)
        checker.partialOrderReduction = partialOrderReduction
        let result = try checker.run(depth: expected.trace.length)
        guard case .violated(let found) = result.verdict else {
            Issue.record("BMC finds no violation of \(name) up to depth \(expected.trace.length)")
            return
        }
        #expect(found.trace.length == expected.trace.length)
        #expect(found.description == expected.property)
        #expect(try TraceReplay(ir).replay(found.trace) == .replays)
    }

    /// Correct specs at small sizes: BMC to the explorer's reachable diameter (the BFS depth: every
    /// reachable state is that close to the initial one) finds no violation and no deadlock.
    @Test(arguments: [
        ("chang-roberts", ["N": 3]), ("ricart-agrawala", ["N": 2]), ("raft-election", ["N": 2]),
        ("two-phase-commit", ["N": 2]), ("quorum-replication", [:]), ("centralized-mutex", ["N": 2, "R": 1]),
        ("token-ring", ["N": 2, "R": 1]), ("ring-election", ["N": 2]), ("paxos", ["N": 1, "P": 1, "B": 1, "F": 0]),
        ("lamport-mutex", ["N": 2]), ("suzuki-kasami", ["N": 2]), ("chandy-lamport", ["N": 2, "T": 1]),
        ("total-order-multicast", ["N": 2, "M": 1]), ("majority-voting", ["K": 1, "N": 2]),
    ])
    func bmcFindsNothingInCorrectSpecsUpToTheirDiameter(spec name: String, parameters: [String: Int]) throws {
        let ir = try #require(SpecLibrary.all.first { $0.name == name }).instantiate(parameters)
        let explored = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run()
        guard case .holds = explored.verdict else {
            Issue.record("the explorer finds \(name) correct")
            return
        }
        let diameter = explored.statistics.depth
        #expect(diameter >= 5)
        for reduction in [true, false] {
            var checker = BoundedModelChecker(ir)
            checker.partialOrderReduction = reduction
            let result = try checker.run(depth: diameter)
            guard case .holdsToDepth(diameter) = result.verdict else {
                Issue.record("BMC (reduction \(reduction)) finds nothing in \(name) up to depth \(diameter): \(result.verdict)")
                return
            }
        }
    }
}
