import Explorer
import Kripke
import Specs
import Testing

@Suite struct PaxosDuelTests {
    /// Two proposers preempt each other for ever: each completes phase 1 at a majority with a
    /// higher ballot than the other's, so the other's proposal is defeated and it starts again.
    /// Safety still holds in every reachable state, with and without acceptor symmetry.
    @Test func duellingProposersNeverChoose() throws {
        let reduced = try SpecHarness.check("paxos-duelling-proposers")
        #expect(reduced.statistics.states == 17621)
        #expect(reduced.statistics.depth == 42)
        let full = try SpecHarness.check("paxos-duelling-proposers", symmetry: false)
        #expect(full.statistics.states == 98623)
        #expect(full.statistics.transitions == 234528)
        for result in [reduced, full] { #expect(SpecHarness.violation(result) == nil) }

        let ir = try SpecHarness.spec("paxos-duelling-proposers").instantiate()
        let liveness = try LivenessChecker(ir).run()
        #expect(liveness.properties.map(\.name) == ["a value is chosen"])
        let lasso = try #require(liveness.properties.first?.lasso)
        #expect(lasso.length == 14)
        let loop = try #require(lasso.loop)
        #expect(loop == 4)
        let cycle = lasso.steps.suffix(from: loop).map(\.description)
        #expect(cycle == ["acceptor0: promise (choosing 1)", "acceptor1: promise (choosing 1)", "proposer0: propose",
                          "proposer0: start (choosing 2)", "env: renumber (choosing 0)",
                          "acceptor0: promise (choosing 0)", "acceptor1: promise (choosing 0)", "proposer1: propose",
                          "proposer1: start (choosing 2)", "env: renumber (choosing 0)"])
        #expect(lasso.states[loop]["ballot"]?.description == "[proposer0: 0, proposer1: 1]")
        #expect(try TraceReplay(ir).replay(lasso) == .replays)
    }

    /// With one proposer nothing preempts it: a value is chosen on every fair run.
    @Test(arguments: [(1, 5), (3, 15), (5, 35)])
    func oneProposerDecides(acceptors: Int, states: Int) throws {
        let ir = try SpecHarness.spec("paxos-duelling-proposers").instantiate(["N": acceptors, "P": 1])
        let result = try SpecHarness.check("paxos-duelling-proposers", ["N": acceptors, "P": 1])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == states)
        #expect(try LivenessChecker(ir).run().properties.allSatisfy { $0.lasso == nil })
    }

    /// Three proposers duel too; with one acceptor the duel is the shortest: 3 steps, then 8.
    @Test func threeProposersAndOneAcceptorDuel() throws {
        for proposers in [2, 3] {
            let ir = try SpecHarness.spec("paxos-duelling-proposers").instantiate(["N": 1, "P": proposers])
            let lasso = try #require(try LivenessChecker(ir).run().properties.first?.lasso)
            #expect(lasso.length == 11)
            #expect(lasso.loop == 3)
            #expect(try TraceReplay(ir).replay(lasso) == .replays)
        }
    }
}
