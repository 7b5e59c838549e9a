import Kripke

extension RaftElection {
    /// The spec's processes, variables and messages, for the lemmas.
    struct Model {
        let servers: Role
        let term: StateArray<Int>, state: StateArray<ServerState>
        let votedFor: StateArray<ProcessID>, votes: StateArray<Int>
        let requestVote: MessageKind, vote: MessageKind
        let termField: Field<Int>, granted: Field<Bool>
    }

    /// Helper lemmas that make *one leader per term* inductive (`kripke prove raft-election`:
    /// 0-inductive for every N ≤ 5 and T ≤ 4).
    ///
    /// The argument is a count, because a server forgets `votedFor` when it moves to a higher term,
    /// so "j voted for l in term t" is not in the state. Fix a term t. Call a server a *voter of t*
    /// if it is in term t and has voted (`votedFor` is set), or has moved past t. Each server casts
    /// at most one vote in t — its own when it times out into t, or a grant to a RequestVote(t) —
    /// and only while in t, so every vote of t comes from a voter of t, and a voter of t casts no
    /// further vote in t. A vote is counted at most once: in the `votes` of its candidate, or as a
    /// granted vote(t) still in flight to it. So, summed over the candidates and leaders of t,
    /// `votes` plus granted votes in flight to them is at most the number of voters of t, which is
    /// at most N. A leader has at least a majority of votes; two leaders of t would need two
    /// majorities, more than N. Hence one leader per term.
    ///
    /// The count survives every step thanks to the small facts below: a candidate or leader has
    /// voted for itself (so it grants no one else in its term); a RequestVote(t) or vote(t) is
    /// never newer than its candidate (so a server timing out into t finds no votes of t already
    /// waiting for it); a server votes only for a candidate at least as new as itself (so when a
    /// server times out into t, nobody has voted for it in t yet); each candidate asks each server
    /// once per term, and a pending request has not been granted yet (so no server grants the same
    /// candidate twice in a term). A granted vote that reaches a leader is dropped: the count
    /// only falls.
    ///
    /// ```swift
    /// if variant == .correct { lemmas(s, model, n: n, maxTerm: maxTerm) }
    /// ```
    static func lemmas(_ s: SpecBuilder, _ m: Model, n: Int, maxTerm: Int) {
        let (servers, term, state, votedFor, votes) = (m.servers, m.term, m.state, m.votedFor, m.votes)
        let majority = n / 2 + 1
        s.lemma("a leader has a majority of votes",
                ForAll(servers) { l in (state[l] == .leader).implies(votes[l] >= .constant(majority)) })
        s.lemma("a candidate or leader has voted for itself",
                ForAll(servers) { l in (state[l] != .follower).implies(votedFor[l] == l && votes[l] >= 1) })
        s.lemma("a request is no newer than its candidate",
                InFlight(m.requestVote) { d in d[m.termField] > term[d.sender] } == 0)
        s.lemma("an answer is no newer than its candidate",
                InFlight(m.vote) { d in d[m.termField] > term[d.receiver] } == 0)
        s.lemma("a server votes for a candidate at least as new",
                ForAll(servers) { j in
                    ForAll(servers) { l in (votedFor[j] == l).implies(term[l] >= term[j]) }
                })
        s.lemma("a candidate asks each server once per term",
                ForAll(servers) { l in
                    ForAll(servers) { j in
                        (1...maxTerm).map { t in
                            InFlight(m.requestVote) { d in
                                d.sender == l && d.receiver == j && d[m.termField] == .constant(t)
                            } <= 1
                        }.reduce(Term<Bool>.constant(true)) { $0 && $1 }
                    }
                })
        s.lemma("a pending request has not been granted",
                InFlight(m.requestVote) { d in
                    term[d.receiver] == d[m.termField] && votedFor[d.receiver] == d.sender
                } == 0)
        for t in 1...maxTerm {
            let thisTerm = Term<Int>.constant(t)
            let counted = Sum(servers) { l in
                let pending = InFlight(m.vote) { d in d.receiver == l && d[m.granted] && d[m.termField] == thisTerm }
                return Ite(term[l] == thisTerm && state[l] != .follower, votes[l] + pending, 0)
            }
            let voters = Count(servers) { j in (term[j] == thisTerm && votedFor[j] != .none) || term[j] > thisTerm }
            s.lemma("the votes of term \(t) are at most its voters", counted <= voters)
        }
    }
}
