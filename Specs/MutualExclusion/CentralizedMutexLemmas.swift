import Kripke

extension CentralizedMutex {
    /// The spec's processes, variables and messages, for the lemmas.
    struct Model {
        let clients: Role
        let phase: StateArray<Phase>, queued: StateArray<Int>
        let holder: Term<ProcessID>
        let request: MessageKind, grant: MessageKind, release: MessageKind
    }

    /// Helper lemmas that make mutual exclusion inductive (`kripke prove centralized-mutex`).
    ///
    /// The argument. There is one permission to enter, and the coordinator's `holder` records who
    /// has it. The holder's permission sits in exactly one place — a GRANT on its way to the
    /// holder, the holder in the critical section, or the holder's RELEASE on its way back — and
    /// every other client has it in none of these places; so a client in the critical section is
    /// the holder, and there is only one holder. To keep this true when a RELEASE arrives, the
    /// coordinator must pass the permission to at most one client: the queue positions of queued
    /// clients are distinct and run from 1 to the queue length, so exactly one client is at the
    /// head of a non-empty queue. A client is queued only while it waits, with no REQUEST or GRANT
    /// of its own in flight (so it is never queued twice), a REQUEST in flight comes from a waiting
    /// client with nothing else outstanding, and a GRANT goes only to a waiting client (so
    /// receiving it cannot put a second copy of the permission into the critical section).
    ///
    /// ```swift
    /// if variant == .correct { lemmas(s, model) }
    /// ```
    static func lemmas(_ s: SpecBuilder, _ m: Model) {
        let (clients, phase, queued) = (m.clients, m.phase, m.queued)
        func grants(to c: Term<ProcessID>) -> Term<Int> { InFlight(m.grant) { d in d.receiver == c } }
        func requests(from c: Term<ProcessID>) -> Term<Int> { InFlight(m.request) { d in d.sender == c } }
        func releases(from c: Term<ProcessID>) -> Term<Int> { InFlight(m.release) { d in d.sender == c } }
        let queueLength = Count(clients) { j in queued[j] > 0 }

        s.lemma("the holder's permission is in exactly one place, and nobody else has one", ForAll(clients) { c in
            grants(to: c) + Ite(phase[c] == .critical, 1, 0) + releases(from: c) == Ite(m.holder == c, 1, 0)
        })
        s.lemma("a grant in flight goes to a waiting client", ForAll(clients) { c in
            (grants(to: c) > 0).implies(phase[c] == .waiting)
        })
        s.lemma("a request in flight comes from a waiting, unqueued client with no grant coming", ForAll(clients) { c in
            (requests(from: c) > 0).implies(requests(from: c) == 1 && phase[c] == .waiting
                && queued[c] == 0 && grants(to: c) == 0)
        })
        s.lemma("a queued client waits, with no request or grant in flight", ForAll(clients) { c in
            (queued[c] > 0).implies(phase[c] == .waiting && requests(from: c) == 0 && grants(to: c) == 0)
        })
        s.lemma("queue positions are distinct and at most the queue length", ForAll(clients) { i in
            queued[i] <= queueLength && ForAll(clients, except: i) { j in (queued[i] > 0).implies(queued[i] != queued[j]) }
        })
    }
}
