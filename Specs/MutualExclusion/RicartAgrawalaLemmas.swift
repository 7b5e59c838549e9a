import Kripke

extension RicartAgrawala {
    /// The spec's processes, variables and messages, for the lemmas.
    struct Model {
        let procs: Role
        let phase: StateArray<Phase>, ourSeq: StateArray<Int>, highestSeq: StateArray<Int>
        let replies: StateArray<Int>, deferred: StateArray<Bool>
        let request: MessageKind, reply: MessageKind
        let seq: Field<Int>
    }

    /// Helper lemmas that make mutual exclusion inductive (`kripke prove ricart-agrawala`).
    ///
    /// The argument. While process i asks for the critical section, each other process j holds
    /// i's *permission* in exactly one of four places: i's request to j is still in flight, j has
    /// deferred it, j's reply is in flight, or i has counted the reply; so `replies[i]` plus the
    /// first three places add up to N − 1, and a process in the critical section (N − 1 replies)
    /// has every permission. Say j *has granted* i when i's request reached j and j did not
    /// defer it. Whenever both are requesting and j has granted i, i's request is the earlier one
    /// in the order (sequence number, process id): either j granted while waiting with a later
    /// request, or j was idle then — its next request then numbers above every request it has
    /// seen, i's included. Two processes in the critical section would each have granted the
    /// other, so each request would be earlier than the other: impossible.
    ///
    /// ```swift
    /// if variant == .correct { lemmas(s, model, n: n) }
    /// ```
    static func lemmas(_ s: SpecBuilder, _ m: Model, n: Int) {
        let (procs, phase, deferred) = (m.procs, m.phase, m.deferred)
        func requests(from i: Term<ProcessID>, to j: Term<ProcessID>) -> Term<Int> {
            InFlight(m.request) { d in d.sender == i && d.receiver == j }
        }
        func replies(from j: Term<ProcessID>, to i: Term<ProcessID>) -> Term<Int> {
            InFlight(m.reply) { d in d.sender == j && d.receiver == i }
        }
        func asking(_ i: Term<ProcessID>) -> Term<Bool> { phase[i] != .idle }

        s.lemma("an idle process has no request, deferral or reply outstanding", ForAll(procs) { i in
            (phase[i] == .idle).implies(InFlight(m.request) { d in d.sender == i } == 0
                && InFlight(m.reply) { d in d.receiver == i } == 0
                && ForAll(procs) { j in !deferred[j, i] })
        })
        s.lemma("only a requesting process defers", ForAll(procs) { j in
            ForAll(procs) { i in deferred[j, i].implies(asking(j) && i != j) }
        })
        s.lemma("each peer holds a permission in at most one place", ForAll(procs) { i in
            ForAll(procs, except: i) { j in
                requests(from: i, to: j) + Ite(deferred[j, i], 1, 0) + replies(from: j, to: i) <= 1
            }
        })
        s.lemma("replies count the permissions received", ForAll(procs) { i in
            asking(i).implies(m.replies[i] + InFlight(m.request) { d in d.sender == i }
                + Count(procs) { j in deferred[j, i] } + InFlight(m.reply) { d in d.receiver == i } == .constant(n - 1))
        })
        s.lemma("a process in the critical section has every reply", ForAll(procs) { i in
            (phase[i] == .critical).implies(m.replies[i] == .constant(n - 1))
        })
        s.lemma("a request carries its sender's sequence number",
                InFlight(m.request) { d in d[m.seq] != m.ourSeq[d.sender] || !asking(d.sender) } == 0)
        s.lemma("a delivered request raised the receiver's highest number", ForAll(procs) { i in
            ForAll(procs, except: i) { j in
                (asking(i) && requests(from: i, to: j) == 0).implies(m.highestSeq[j] >= m.ourSeq[i])
            }
        })
        s.lemma("permission goes to the earlier request", ForAll(procs) { i in
            ForAll(procs, except: i) { j in
                let granted = requests(from: i, to: j) == 0 && !deferred[j, i]
                return (asking(i) && asking(j) && granted).implies(Precedes(m.ourSeq[i], i, m.ourSeq[j], j))
            }
        })
    }
}
