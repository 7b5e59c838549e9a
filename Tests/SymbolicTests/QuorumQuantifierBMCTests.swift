import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Testing
import Verification

/// Quorum quantifiers in the symbolic engine (`QuorumVoting`): BMC finds the explorer's shortest
/// violation where quorums need not intersect, holds to the explorer's depth where they must, and
/// k-induction proves agreement with the lemma that a quorum voted what was learned.
@Suite struct QuorumQuantifierBMCTests {
    @Test(arguments: [(3, 1, 4), (4, 2, 6)])
    func bmcFindsTheExplorersShortestViolation(acceptors: Int, size: Int, length: Int) throws {
        let ir = try QuorumVoting.spec(acceptors: acceptors, size: size).instantiate()
        let explored = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run()
        guard case .violated(let shortest) = explored.verdict else {
            Issue.record("the explorer finds no violation")
            return
        }
        #expect(shortest.trace.length == length)
        guard case .violated(let counterexample) = try BoundedModelChecker(ir).run(depth: length + 1).verdict else {
            Issue.record("BMC finds no violation up to depth \(length + 1)")
            return
        }
        #expect(counterexample.property == .invariant("agreement"))
        #expect(counterexample.trace.length == length)
        #expect(try TraceReplay(ir).replay(counterexample.trace) == .replays)
    }

    @Test func majorityQuorumsHoldInBothEngines() throws {
        let ir = try QuorumVoting.spec(acceptors: 3, lemma: true).instantiate()
        let explored = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run()
        #expect(explored.verdict == .holds)
        guard case .holdsToDepth(let depth) = try BoundedModelChecker(ir).run(depth: explored.statistics.depth).verdict else {
            Issue.record("BMC reports a violation of majority quorums")
            return
        }
        #expect(depth == explored.statistics.depth)
        guard case .proved(let k) = try KInduction(ir).run(maxK: 2).verdict else {
            Issue.record("agreement with its lemma is inductive: two majorities share an acceptor")
            return
        }
        #expect(k == 0)
    }

    /// Membership of a process read from the state (symbolic in BMC): the leader is in every
    /// quorum of `size` only when the quorum is the whole role.
    static func leaderInEveryQuorum(size: Int) -> SpecDefinition {
        SpecDefinition(name: "leader", summary: "", parameters: [], expectation: .holds) { s in
            let acceptors = s.processes("acceptor", count: 3, symmetric: true)
            let leader = s.global("leader", in: .processOrNone(acceptors), initial: .none)
            let marked = s.global("marked", in: .bool, initial: false)
            s.action("elect", for: acceptors) { a in
                Require(leader == .none)
                leader <- a
            }
            s.action("mark", for: acceptors) { _ in
                Require(!marked)
                Require(ForAll(quorums(of: acceptors, size: size)) { q in q.contains(leader) })
                marked <- true
            }
            s.invariant("never marked", !marked)
            s.validEndState(true)
        }
    }

    @Test(arguments: [(2, 0), (3, 2)])
    func membershipOfAStateValue(size: Int, length: Int) throws {
        let ir = try Self.leaderInEveryQuorum(size: size).instantiate()
        let explored = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run()
        let result = try BoundedModelChecker(ir).run(depth: 3).verdict
        switch (explored.verdict, result) {
        case (.holds, .holdsToDepth(3)):
            #expect(length == 0)
        case (.violated(let shortest), .violated(let counterexample)):
            #expect(shortest.trace.length == length)
            #expect(counterexample.trace.length == length)
        default:
            Issue.record("explorer \(explored.verdict), BMC \(result)")
        }
    }
}
