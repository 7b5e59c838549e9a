import Kripke

extension QuorumReplication {
    /// The spec's processes, variables and messages, for the lemmas.
    struct Model {
        let replicas: Role, writer: Term<ProcessID>, reader: Term<ProcessID>
        let version: StateArray<Int>, writePhase: StateArray<WritePhase>, acks: StateArray<Int>
        let readPhase: StateArray<ReadPhase>, replies: StateArray<Int>, result: StateArray<Int>
        let write: MessageKind, ack: MessageKind, read: MessageKind, reply: MessageKind
        let ver: Field<Int>
    }

    /// Helper lemmas that make read-your-writes inductive (`kripke prove quorum-replication`).
    /// The argument: every replica stores version 1 at most once and acknowledges it then, so the
    /// acknowledgements (counted or in flight) are the replicas with version 1; the read starts after
    /// W of them, so at most N − W replicas can ever answer version 0; a read that saw only version 0
    /// has counted at most N − W replies, fewer than R when W + R > N, so it cannot have finished.
    ///
    /// ```swift
    /// if variant == .correct { lemmas(s, model, n: n, w: w, r: r) }
    /// ```
    static func lemmas(_ s: SpecBuilder, _ m: Model, n: Int, w: Int, r: Int) {
        let (writer, reader, replicas, version) = (m.writer, m.reader, m.replicas, m.version)
        let untouched = ForAll(replicas) { i in version[i] == 0 } && InFlight(m.write) == 0 && InFlight(m.ack) == 0
        s.lemma("before the write, nothing is written",
                (m.writePhase[writer] == .idle).implies(untouched && m.acks[writer] == 0))
        s.lemma("each replica stores the write at most once",
                ForAll(replicas) { i in version[i] + InFlight(m.write) { d in d.receiver == i } <= 1 })
        s.lemma("acknowledgements are the replicas with version 1",
                m.acks[writer] + InFlight(m.ack) == Count(replicas) { i in version[i] == 1 })
        s.lemma("a completed write has W acknowledgements", (m.writePhase[writer] == .done).implies(m.acks[writer] >= .constant(w)))
        let quiet = InFlight(m.read) == 0 && InFlight(m.reply) == 0 && m.replies[reader] == 0 && m.result[reader] == 0
        s.lemma("before the read, nothing is read", (m.readPhase[reader] == .idle).implies(quiet))
        let staleAnswers = m.replies[reader] + InFlight(m.reply) { d in d[m.ver] == 0 }
            + InFlight(m.read) { d in version[d.receiver] == 0 }
        s.lemma("at most N − W replicas answer version 0",
                (m.readPhase[reader] != .idle && m.result[reader] == 0).implies(staleAnswers <= .constant(n - w)))
        s.lemma("a finished read has R replies", (m.readPhase[reader] == .done).implies(m.replies[reader] >= .constant(r)))
    }
}
