import Kripke

extension ChangRoberts {
    /// The spec's processes, variables and messages, for the lemmas.
    struct Model {
        let procs: Role
        let participant: StateArray<Bool>, leader: StateArray<Int>
        let election: MessageKind, elected: MessageKind
        let uid: Field<Int>
        /// The id of a process (depends on `ORDER`).
        let id: (Term<ProcessID>) -> Term<Int>
        /// The process with the largest id, N − 1.
        let largest: Term<ProcessID>
    }

    /// Helper lemmas that make the unique leader and agreement at end inductive
    /// (`kripke prove chang-roberts`).
    ///
    /// The argument. Messages travel one way round the ring, from each process to its successor.
    /// Measure positions along the ring in that direction: the *distance* from a to b is how many
    /// hops a message needs to get from a to b. An ELECTION message carrying id v that sits on the
    /// channel out of process j has passed, since v's owner o sent it, every process from o up to
    /// j — and each of them forwarded it only because its own id was smaller (or it was o). So
    /// every process at most as far from o as j is has an id of at most v. A process that gets its
    /// own id back has therefore been beaten by nobody on the whole ring: it is the largest,
    /// N − 1. Hence every leader entry and every ELECTED message names N − 1 (and ELECTED exists
    /// only once the largest process is leader), and only the largest
    /// process can have its own id as leader — the leader is unique.
    ///
    /// For agreement at end: the largest id is never swallowed, so while the largest process
    /// participates without being leader, its ELECTION message is still on the way. Once it is
    /// leader, its ELECTED message walks the ring behind it: every process still without a leader
    /// lies beyond some process (counted from the leader) whose outgoing channel holds an ELECTED
    /// message. So when nothing is in flight and the largest process took part, everyone has
    /// recorded N − 1.
    ///
    /// ```swift
    /// if variant == .correct { lemmas(s, model, n: n) }
    /// ```
    static func lemmas(_ s: SpecBuilder, _ m: Model, n: Int) {
        let (procs, leader, id, largest) = (m.procs, m.leader, m.id, m.largest)
        let top = Term<Int>.constant(n - 1)
        /// Hops from `a` to `b` in the direction messages travel.
        func distance(_ a: Term<ProcessID>, _ b: Term<ProcessID>) -> Term<Int> {
            (procs.index(b) - procs.index(a) + .constant(n)) % .constant(n)
        }

        s.lemma("an election message has beaten every process it passed", ForAll(procs) { j in
            ForAll(procs) { o in
                ForAll(procs) { p in
                    (InFlight(m.election) { d in d.sender == j && d[m.uid] == id(o) } > 0
                        && distance(o, p) <= distance(o, j)).implies(id(p) <= id(o))
                }
            }
        })
        s.lemma("elected messages name the largest id, once it is leader",
                InFlight(m.elected) { d in d[m.uid] != top } == 0
                    && (InFlight(m.elected) > 0).implies(leader[largest] != -1))
        s.lemma("a recorded leader is the largest id", ForAll(procs) { i in leader[i] == -1 || leader[i] == top })
        s.lemma("the largest id is on its way while its owner waits",
                (m.participant[largest] && leader[largest] == -1)
                    .implies(InFlight(m.election) { d in d[m.uid] == top } > 0))
        s.lemma("the elected message is ahead of every process without a leader",
                (leader[largest] != -1).implies(ForAll(procs) { p in
                    (leader[p] == -1).implies(Exists(procs) { j in
                        distance(largest, j) < distance(largest, p) && InFlight(m.elected) { d in d.sender == j } > 0
                    })
                }))
    }
}
