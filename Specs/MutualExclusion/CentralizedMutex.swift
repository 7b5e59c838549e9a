import Kripke

/// # Centralized mutual exclusion (a coordinator with a queue)
///
/// One coordinator process decides who may enter the critical section. A client that wants to
/// enter sends REQUEST to the coordinator and waits. The coordinator answers with GRANT when no
/// client holds the grant; otherwise it appends the client to its FIFO queue and sends nothing.
/// A client that receives GRANT enters; when it leaves, it sends RELEASE. On RELEASE the
/// coordinator grants the client at the head of its queue, or, when the queue is empty, marks
/// the grant free. Channels are FIFO and reliable.
///
/// The coordinator's queue is kept as one position per client: `queued[c] = k` means client `c`
/// is the `k`-th in line (1 = head), `0` that it is not queued. Appending gives the position
/// after the last; granting the head moves every queued client one place forward.
///
/// **Parameters**: `N` clients (default 3), `R` critical-section entries per client (default 2).
/// Each client has at most two messages in its channel to the coordinator (a RELEASE followed
/// by its next REQUEST) and one GRANT in the other direction, so a FIFO capacity of 2 is never
/// reached.
///
/// **Properties**: mutual exclusion (at most one client in the critical section); no deadlock
/// (every run ends with every client done). The correct variant carries five helper lemmas
/// (CentralizedMutexLemmas.swift) that make mutual exclusion inductive: `kripke prove
/// centralized-mutex` proves it for every depth (k = 0), and `check` verifies the lemmas too.
///
/// **Variants**:
/// - `centralized-mutex` — correct; holds.
/// - `centralized-mutex-blind-grant` — the coordinator grants every REQUEST at once, without
///   checking whether another client holds the grant: two requests in a row put two clients in
///   the critical section.
///
/// **Pinned counts** (SpecsTests): correct, N=3 R=2: 1,238 states, 2,748 transitions, depth 30
/// (five steps per entry: request, its receipt, the grant's receipt, exit, the release's receipt).
/// Buggy, N=3 R=2: mutual exclusion violated after 6 steps.
public enum CentralizedMutex {
    enum Variant { case correct, blindGrant }
    enum Phase: Enumeration { case idle, waiting, critical }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...5, summary: "number of clients"),
        ParameterDecl(name: "R", defaultValue: 2, range: 1...3, summary: "critical-section entries per client"),
    ]

    public static let correct = SpecDefinition(
        name: "centralized-mutex", summary: "Centralized mutual exclusion: a coordinator grants from a FIFO queue",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let blindGrant = SpecDefinition(
        name: "centralized-mutex-blind-grant",
        summary: "Centralized mutual exclusion whose coordinator grants every request without checking the holder",
        parameters: parameters, expectation: .violated) { build($0, .blindGrant) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let rounds = s.parameter("R")
        let clients = s.processes("client", count: n)
        let coordinator = s.process("coordinator")

        let phase = s.variable("phase", per: clients, in: .cases(Phase.self), initial: .idle)
        let done = s.variable("done", per: clients, in: .range(0...rounds), initial: 0)
        let holder = s.global("holder", in: .processOrNone(clients), initial: .none)
        let queued = s.variable("queued", per: clients, in: .range(0...(n - 1)), initial: 0)

        let request = s.message("request")
        let grant = s.message("grant")
        let release = s.message("release")
        s.network(.fifo(capacity: 2))

        s.action("request", for: clients) { c in
            Require(phase[c] == .idle)
            Require(done[c] < .constant(rounds))
            phase[c] <- .waiting
            Send(request, from: c, to: coordinator.only)
        }

        s.on(request, at: coordinator) { m in
            let free = variant == .correct ? holder == .none : true
            let queueLength = Count(clients) { j in queued[j] > 0 }
            If(free) {
                holder <- m.sender
                Send(grant, from: m.receiver, to: m.sender)
            } else: {
                queued[m.sender] <- queueLength + 1
            }
        }

        s.on(grant, at: clients) { m in
            phase[m.receiver] <- .critical
        }

        s.action("exit", for: clients) { c in
            Require(phase[c] == .critical)
            phase[c] <- .idle
            done[c] <- done[c] + 1
            Send(release, from: c, to: coordinator.only)
        }

        s.on(release, at: coordinator) { m in
            holder <- First(clients) { j in queued[j] == 1 }
            ForEach(clients) { j in
                If(queued[j] == 1) {
                    Send(grant, from: m.receiver, to: j)
                }
                If(queued[j] > 0) {
                    queued[j] <- queued[j] - 1
                }
            }
        }

        s.check(MutualExclusion(clients) { c in phase[c] == .critical })
        s.validEndState(ForAll(clients) { c in done[c] == .constant(rounds) })
        if variant == .correct {
            let model = Model(clients: clients, phase: phase, queued: queued, holder: holder,
                              request: request, grant: grant, release: release)
            lemmas(s, model)
        }
    }
}
