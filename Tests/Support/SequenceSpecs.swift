import Kripke

/// A lock server with a FIFO wait queue kept in a sequence variable, for the engines' tests:
/// a client asks (joins the queue), the server grants the head of the queue when the lock is
/// free, the holder releases it. With `grantWhileHeld`, the server does not check that the lock
/// is free: two clients hold it after 4 steps (ask, ask, grant, grant).
///
/// Correct, 3 clients: 31 states, 57 transitions, depth 4 — an independent enumeration of the
/// same model (phases, queue as a tuple, holder) gives the same.
///
/// ```swift
/// let ir = try SequenceSpecs.lockQueue()
/// ```
public enum SequenceSpecs {
    enum Phase: Enumeration { case idle, waiting, critical }

    public static func lockQueue(grantWhileHeld: Bool = false) throws -> SpecIR {
        try SpecDefinition(name: "lock-queue", summary: "", parameters: [], expectation: .holds) { s in
            let clients = s.processes("c", count: 3)
            let phase = s.variable("phase", per: clients, in: .cases(Phase.self), initial: .idle)
            let queue = s.sequence("queue", of: .process(clients), capacity: 3)
            let holder = s.global("holder", in: .processOrNone(clients), initial: .none)
            s.action("ask", for: clients) { c in
                Require(phase[c] == .idle)
                phase[c] <- .waiting
                queue.append(c)
            }
            s.action("grant", for: clients) { c in
                if !grantWhileHeld { Require(holder == .none) }
                Require(!queue.isEmpty)
                Require(queue.first == c)
                holder <- c
                phase[c] <- .critical
                queue.removeFirst()
            }
            s.action("release", for: clients) { c in
                Require(phase[c] == .critical)
                holder <- .none
                phase[c] <- .idle
            }
            s.check(MutualExclusion(clients) { c in phase[c] == .critical })
            s.invariant("waiting clients are queued", ForAll(clients) { c in (phase[c] == .waiting) == queue.contains(c) })
        }.instantiate()
    }
}
