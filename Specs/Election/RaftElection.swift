import Kripke

/// # Raft leader election (Ongaro and Ousterhout, 2014)
///
/// `N` servers, each a follower, candidate or leader in a numbered *term*. A server that hears
/// from no leader times out: it starts a new term, becomes candidate, votes for itself and
/// sends RequestVote(term) to every other server. A server that sees a higher term adopts it,
/// becomes follower and forgets its vote. A server grants its vote if the request's term is
/// its current term and it has not yet voted for someone else in that term — one vote per
/// term, remembered in `votedFor`. A candidate that collects votes from a majority becomes
/// leader. Messages may be delayed and reordered. (Log comparison is omitted: every log is
/// empty here, so the election alone is modelled.)
///
/// Raft promises *election safety*, not that an election succeeds: with bounded terms the run
/// may end with split votes and no leader, so there is no end-state agreement property.
///
/// **Parameters**: `N` servers (default 3), `T` the highest term (default 1). Interleavings
/// grow fast with terms: N=3 T=2 has 1,047,610 states (87 s in a debug build), so the tests
/// check later terms — stale candidates stepping down — with N=2 T=3.
///
/// **Properties**: *one leader per term* — two leaders of the same term are the same server;
/// no deadlock (a run ends only when every server is leader or has reached term `T`).
///
/// **Proof**: `kripke prove raft-election` proves one leader per term for every depth by
/// k-induction — 0-inductive over the whole parameter range — with the helper lemmas of
/// `RaftElectionLemmas.swift` (release build: N=3 T=2 in 1 s, N=5 T=2 in 15 s). A voter forgets
/// its vote when it moves to a higher term, so the proof counts instead of remembering: in each
/// term, the votes its candidates and leaders hold or have on the way are at most the servers
/// that have voted in that term or moved past it — at most N, too few for two majorities.
///
/// **Variants**:
/// - `raft-election` — correct; holds.
/// - `raft-election-double-vote` — a server grants every RequestVote of its current term
///   without checking `votedFor`, so it can vote twice in one term and two candidates each
///   win a majority.
/// - `raft-election-split-votes` — the correct protocol, checked for progress: *a leader is
///   elected* on every run where every server's steps are weakly fair. Violated: Raft's real
///   timeouts are randomised so that one server usually times out first; here every server may
///   time out in the same term, vote for itself and refuse the others — the votes split, and
///   they split again in every later term. With terms bounded by `T` the lasso ends at term `T`
///   with no leader and no step left (the run stutters there); unbounded, it would go on for
///   ever. Its golden lasso is in `Counterexamples/`.
///
/// **Pinned counts** (SpecsTests): correct, N=3 T=1: 1,108 states, 3,900 transitions,
/// depth 15; N=2 T=3: 2,222 states. Double vote, N=3 T=1: one leader per term violated
/// after 6 steps.
public enum RaftElection {
    enum Variant { case correct, doubleVote, splitVotes }
    enum ServerState: Enumeration { case follower, candidate, leader }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...5, summary: "number of servers"),
        ParameterDecl(name: "T", defaultValue: 1, range: 1...4, summary: "highest term a server may start"),
    ]

    public static let correct = SpecDefinition(
        name: "raft-election", summary: "Raft leader election: terms, RequestVote, one vote per term, majority",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let doubleVote = SpecDefinition(
        name: "raft-election-double-vote", summary: "Raft election whose servers may vote twice in a term",
        parameters: parameters, expectation: .violated) { build($0, .doubleVote) }

    public static let splitVotes = SpecDefinition(
        name: "raft-election-split-votes",
        summary: "Raft election checked for progress: without randomised timeouts, votes can split in every term",
        parameters: parameters, expectation: .violated) { build($0, .splitVotes) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let maxTerm = s.parameter("T")
        let majority = n / 2 + 1
        let servers = s.processes("s", count: n)

        let term = s.variable("term", per: servers, in: .range(0...maxTerm), initial: 0)
        let state = s.variable("state", per: servers, in: .cases(ServerState.self), initial: .follower)
        let votedFor = s.variable("votedFor", per: servers, in: .processOrNone(servers), initial: .none)
        let votes = s.variable("votes", per: servers, in: .range(0...n), initial: 0)

        let termField = Field("term", .range(1...maxTerm))
        let granted = Field("granted", .bool)
        let requestVote = s.message("requestVote", termField)
        let vote = s.message("vote", termField, granted)
        s.network(.unordered(capacity: 2 * n * (n - 1) * maxTerm))

        s.action("timeout", for: servers) { i in
            Require(state[i] != .leader)
            Require(term[i] < .constant(maxTerm))
            term[i] <- term[i] + 1
            state[i] <- .candidate
            votedFor[i] <- i
            votes[i] <- 1
            ForEach(servers, except: i) { j in
                Send(requestVote.with(termField, term[i]), from: i, to: j)
            }
        }

        // Statements run in order and see earlier writes, so every read of `term[i]` and
        // `votedFor[i]` below comes before those variables are written.
        s.on(requestVote, at: servers) { m in
            let i = m.receiver
            let candidate = m.sender
            let newer = m[termField] > term[i]
            let current = m[termField] >= term[i]
            let ballot = Ite(newer, .none, votedFor[i])
            let free = ballot == .none || ballot == candidate
            let grant = variant == .doubleVote ? current : current && free
            Send(vote.with(termField, m[termField]).with(granted, grant), from: i, to: candidate)
            votedFor[i] <- Ite(grant, candidate, ballot)
            state[i] <- Ite(newer, .value(.follower), state[i])
            term[i] <- Max(term[i], m[termField])
        }

        s.on(vote, at: servers) { m in
            let i = m.receiver
            If(m[termField] > term[i]) {
                term[i] <- m[termField]
                state[i] <- .follower
                votedFor[i] <- .none
            } else: {
                let counts = state[i] == .candidate && m[termField] == term[i]
                If(counts && m[granted]) {
                    votes[i] <- votes[i] + 1
                    If(votes[i] >= .constant(majority)) { state[i] <- .leader }
                }
            }
        }

        s.check(UniqueLeaderPerTerm(servers, isLeader: { i in state[i] == .leader }, term: { i in term[i] }))
        s.validEndState(ForAll(servers) { i in state[i] == .leader || term[i] == .constant(maxTerm) })
        if variant == .splitVotes {
            // Every step of every server is weakly fair: timeouts fire, messages are delivered.
            s.fair(.weak, everyActionOf: servers)
            s.check(Eventually("a leader is elected", Exists(servers) { i in state[i] == .leader }))
        }
        if variant == .correct {
            let model = Model(servers: servers, term: term, state: state, votedFor: votedFor, votes: votes,
                              requestVote: requestVote, vote: vote, termField: termField, granted: granted)
            lemmas(s, model, n: n, maxTerm: maxTerm)
        }
    }
}
