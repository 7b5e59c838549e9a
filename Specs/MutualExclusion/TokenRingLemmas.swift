import Kripke

extension TokenRing {
    /// The spec's processes, variables and messages, for the lemmas.
    struct Model {
        let procs: Role
        let phase: StateArray<Phase>, hasToken: StateArray<Bool>
        let token: MessageKind
    }

    /// Helper lemmas that make mutual exclusion inductive (`kripke prove token-ring`).
    ///
    /// The argument. Exactly one token exists: it is either held by one process or travelling
    /// on one channel, so the number of holders plus the number of tokens in flight is always 1
    /// (receiving turns a travelling token into a held one, passing or leaving the critical
    /// section turns it back, and nothing creates or destroys one). A process enters the
    /// critical section only while holding the token and keeps it until it leaves, so every
    /// process in the critical section holds the token. Two processes in the critical section
    /// would be two holders — two tokens, which the count forbids.
    ///
    /// ```swift
    /// if variant == .correct { lemmas(s, model) }
    /// ```
    static func lemmas(_ s: SpecBuilder, _ m: Model) {
        let (procs, phase, hasToken) = (m.procs, m.phase, m.hasToken)

        s.lemma("exactly one token exists",
                Count(procs) { i in hasToken[i] } + InFlight(m.token) == 1)
        s.lemma("only the holder is in the critical section", ForAll(procs) { i in
            (phase[i] == .critical).implies(hasToken[i])
        })
    }
}
