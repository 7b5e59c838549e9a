import Kripke

extension TwoPhaseCommit {
    /// The spec's processes, variables and messages, for the lemmas.
    struct Model {
        let participants: Role
        let state: StateArray<Participant>, asked: StateArray<Bool>
        let decision: Term<Coordinator>, yesVotes: Term<Int>
        let prepare: MessageKind, vote: MessageKind, commit: MessageKind, abort: MessageKind
        let yes: Field<Bool>
    }

    /// Helper lemmas that make atomic commitment inductive (`kripke prove two-phase-commit`).
    ///
    /// The argument. The coordinator's decision moves initial → waiting → committed or aborted,
    /// and COMMIT (ABORT) messages exist only once it has committed (aborted), so a participant
    /// that receives ABORT meets a coordinator that aborted, and then — by "commit only when
    /// decided" — nobody has committed. Before the PREPARE nothing has happened: every participant
    /// is working and unasked, and no message or vote exists. While the coordinator waits, its YES
    /// count plus the YES votes still in flight is exactly the number of prepared participants
    /// (a participant is prepared from its YES vote until a decision reaches it). So when the count
    /// reaches N, all N participants are prepared — none voted NO and aborted — and from then on
    /// every participant is prepared or committed: a COMMIT never lands next to an abort, and no
    /// working participant is left to vote NO.
    ///
    /// ```swift
    /// if variant == .correct { lemmas(s, model) }
    /// ```
    static func lemmas(_ s: SpecBuilder, _ m: Model) {
        let (participants, state, decision) = (m.participants, m.state, m.decision)

        s.lemma("decisions are sent only once made",
                (InFlight(m.commit) > 0).implies(decision == .committed)
                    && (InFlight(m.abort) > 0).implies(decision == .aborted))
        s.lemma("nothing happens before the prepare", (decision == .initial).implies(
            ForAll(participants) { p in state[p] == .working && !m.asked[p] }
                && InFlight(m.prepare) == 0 && InFlight(m.vote) == 0 && m.yesVotes == 0))
        s.lemma("while waiting, the yes votes count the prepared participants", (decision == .waiting).implies(
            m.yesVotes + InFlight(m.vote) { d in d[m.yes] } == Count(participants) { p in state[p] == .prepared }))
        s.lemma("after a commit every participant is prepared or committed", (decision == .committed).implies(
            ForAll(participants) { p in state[p] == .prepared || state[p] == .committed }))
    }
}
