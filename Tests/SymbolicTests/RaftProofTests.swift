import Kripke
import Specs
import Symbolic
import Testing

/// The shipped inductive invariant of Raft's election safety (`RaftElection.lemmas`): one leader
/// per term, with its lemmas, is proved by k-induction at k = 0 — for T = 1 and for later terms,
/// where voters forget their vote on moving on and the proof rests on counting votes per term.
@Suite struct RaftProofTests {
    @Test(arguments: [["N": 3, "T": 1], ["N": 3, "T": 2], ["N": 2, "T": 3], ["N": 3, "T": 3], ["N": 5, "T": 1]])
    func oneLeaderPerTermIsProved(parameters: [String: Int]) throws {
        let ir = try RaftElection.correct.instantiate(parameters)
        let result = try KInduction(ir).run(maxK: 0)
        guard case .proved(0) = result.verdict else {
            Issue.record("one leader per term with its lemmas is 0-inductive at \(parameters): \(result.verdict)")
            return
        }
        #expect(result.consecution.count == ir.invariants.count)
        #expect(result.consecution.allSatisfy { $0.holds })
        #expect(result.consecution.filter(\.isLemma).count == 7 + parameters["T"]!)
    }

    /// The lemmas belong to the correct spec only: the double-vote bug must stay visible.
    @Test func theDoubleVoteVariantHasNoLemmas() throws {
        let ir = try RaftElection.doubleVote.instantiate()
        #expect(ir.invariants.map(\.name) == ["one leader per term"])
    }
}
