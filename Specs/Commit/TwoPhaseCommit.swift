import Kripke

/// # Two-phase commit
///
/// A coordinator asks `N` participants whether a distributed transaction may commit.
/// - Phase 1 (voting): the coordinator sends PREPARE to every participant. Each participant
///   votes YES (it is prepared and will obey the decision) or NO; a participant voting NO
///   aborts at once, since the transaction cannot commit anyway.
/// - Phase 2 (decision): the coordinator commits only if every participant voted YES, and
///   aborts as soon as one NO arrives; it sends COMMIT or ABORT to every participant, which
///   does as told.
///
/// Each participant's vote is a nondeterministic choice, so every combination of votes is
/// checked. The coordinator counts YES votes and remembers whether a NO arrived.
///
/// **Parameters**: `N` participants (default 3).
///
/// **Properties**: atomic commitment — no participant commits while another aborts, and no
/// participant commits unless the coordinator did; no deadlock (every run ends with every
/// participant decided). The correct variant carries four helper lemmas
/// (TwoPhaseCommitLemmas.swift) that make atomic commitment inductive: `kripke prove
/// two-phase-commit` proves it for every depth (k = 0), and `check` verifies the lemmas too.
///
/// **Variants**:
/// - `two-phase-commit` — correct; holds.
/// - `two-phase-commit-majority` — the coordinator commits once a majority of the votes are
///   YES, as if commit were an election: a participant that voted NO has already aborted.
///
/// **Pinned counts** (SpecsTests): correct, N=3: 796 states, 2,526 transitions, depth 14
/// (prepare, 3 receipts, 3 votes, 3 receipts, the decision, 3 receipts). Majority, N=3: atomic
/// commitment violated after 11 steps (14 with N=5).
public enum TwoPhaseCommit {
    enum Variant { case correct, majority }
    enum Participant: Enumeration { case working, prepared, committed, aborted }
    enum Coordinator: Enumeration { case initial, waiting, committed, aborted }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 1...5, summary: "number of participants"),
    ]

    public static let correct = SpecDefinition(
        name: "two-phase-commit", summary: "Two-phase commit: commit only when every participant votes yes",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let majority = SpecDefinition(
        name: "two-phase-commit-majority", summary: "Two-phase commit whose coordinator commits on a majority of yes votes",
        parameters: parameters, expectation: .violated) { build($0, .majority) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let needed = variant == .correct ? n : n / 2 + 1
        let participants = s.processes("participant", count: n)
        let coordinator = s.process("coordinator")

        let state = s.variable("state", per: participants, in: .cases(Participant.self), initial: .working)
        let asked = s.variable("asked", per: participants, in: .bool, initial: false)
        let decision = s.global("decision", in: .cases(Coordinator.self), initial: .initial)
        let yesVotes = s.global("yesVotes", in: .range(0...n), initial: 0)
        let noVote = s.global("noVote", in: .bool, initial: false)

        let yes = Field("yes", .bool)
        let prepare = s.message("prepare")
        let vote = s.message("vote", yes)
        let commit = s.message("commit")
        let abort = s.message("abort")
        s.network(.unordered(capacity: 3 * n))

        s.action("prepare", for: coordinator) { c in
            Require(decision == .initial)
            decision <- .waiting
            ForEach(participants) { p in
                Send(prepare, from: c, to: p)
            }
        }

        s.on(prepare, at: participants) { m in
            asked[m.receiver] <- true
        }

        s.action("vote yes", for: participants) { p in
            Require(asked[p])
            Require(state[p] == .working)
            state[p] <- .prepared
            Send(vote.with(yes, true), from: p, to: coordinator.only)
        }

        s.action("vote no", for: participants) { p in
            Require(asked[p])
            Require(state[p] == .working)
            state[p] <- .aborted
            Send(vote.with(yes, false), from: p, to: coordinator.only)
        }

        s.on(vote, at: coordinator) { m in
            If(m[yes]) {
                yesVotes <- yesVotes + 1
            } else: {
                noVote <- true
            }
        }

        s.action("commit", for: coordinator) { c in
            Require(decision == .waiting)
            Require(yesVotes >= .constant(needed))
            decision <- .committed
            ForEach(participants) { p in
                Send(commit, from: c, to: p)
            }
        }

        s.action("abort", for: coordinator) { c in
            Require(decision == .waiting)
            Require(noVote)
            decision <- .aborted
            ForEach(participants) { p in
                Send(abort, from: c, to: p)
            }
        }

        s.on(commit, at: participants) { m in
            state[m.receiver] <- .committed
        }

        s.on(abort, at: participants) { m in
            state[m.receiver] <- .aborted
        }

        let someoneCommitted = Exists(participants) { p in state[p] == .committed }
        let someoneAborted = Exists(participants) { p in state[p] == .aborted }
        let coordinatorCommitted = decision == .committed
        s.invariant("atomic commitment", !(someoneCommitted && someoneAborted))
        s.invariant("commit only when decided", someoneCommitted.implies(coordinatorCommitted))
        s.validEndState(ForAll(participants) { p in state[p] == .committed || state[p] == .aborted })
        if variant == .correct {
            let model = Model(participants: participants, state: state, asked: asked, decision: decision,
                              yesVotes: yesVotes, prepare: prepare, vote: vote, commit: commit, abort: abort, yes: yes)
            lemmas(s, model)
        }
    }
}
