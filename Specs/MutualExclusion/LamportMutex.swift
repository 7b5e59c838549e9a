import Kripke

/// # Lamport's mutual exclusion algorithm (1978)
///
/// Every process keeps a queue of requests ordered by `(timestamp, process id)`. To enter the
/// critical section, process `i` stamps a request with its Lamport clock, puts it in its own
/// queue and sends REQUEST to every other process. A process receiving REQUEST advances its
/// clock past the request's timestamp, puts the request in its queue and answers REPLY. Process
/// `i` enters when its own request is at the head of its queue and it has a REPLY from every
/// other process. On leaving, it removes its request and sends RELEASE to every other process,
/// which removes `i`'s request from its queue.
///
/// Channels must be FIFO: a REPLY from `j` then proves that every request `j` made before it
/// is already in `i`'s queue, and a RELEASE cannot overtake the request it releases.
///
/// The queue of process `i` is kept as `queue[i, j]`, the timestamp of `j`'s pending request
/// (`0`: none). REPLY and RELEASE carry no timestamp here: only request timestamps order the
/// queue, so only they advance the clocks (as Ricart–Agrawala's sequence numbers do).
///
/// **Parameters**: `N` processes (default 3), `R` critical-section entries per process
/// (default 1). A process has at most three messages in one channel (a REPLY, a RELEASE and its
/// next REQUEST), so a FIFO capacity of 3 is never reached.
///
/// **Properties**: mutual exclusion; no deadlock (every run ends with every process done);
/// starvation freedom under weak fairness of every process (liveness).
///
/// **Variants**:
/// - `lamport-mutex` — correct; holds.
/// - `lamport-mutex-unordered` — the same algorithm on a network that reorders messages: a REPLY
///   overtakes the REQUEST sent before it, so a process enters while the other's earlier
///   request is not yet in its queue, and both are in the critical section.
/// - `lamport-mutex-no-replies` — a process enters as soon as its request heads its own queue,
///   without waiting for replies: requests still in flight are not in the queue yet.
///
/// **Pinned counts** (SpecsTests): correct, N=3 R=1: 8,376 states, 25,178 transitions, depth 27
/// (nine steps per process: request, two receipts, two replies, enter, exit, two releases).
/// Unordered, N=3: mutual exclusion violated after 12 steps (8 with N=2); no replies: after 4.
public enum LamportMutex {
    enum Variant { case correct, unordered, noReplies }
    enum Phase: Enumeration { case idle, waiting, critical }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...4, summary: "number of processes"),
        ParameterDecl(name: "R", defaultValue: 1, range: 1...3, summary: "critical-section entries per process"),
    ]

    public static let correct = SpecDefinition(
        name: "lamport-mutex", summary: "Lamport's mutual exclusion: timestamped request queues over FIFO channels",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let unordered = SpecDefinition(
        name: "lamport-mutex-unordered", summary: "Lamport's mutual exclusion run on a network that reorders messages",
        parameters: parameters, expectation: .violated) { build($0, .unordered) }

    public static let noReplies = SpecDefinition(
        name: "lamport-mutex-no-replies", summary: "Lamport's mutual exclusion entering without waiting for all replies",
        parameters: parameters, expectation: .violated) { build($0, .noReplies) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let rounds = s.parameter("R")
        let maxTimestamp = n * rounds
        let procs = s.processes("p", count: n)

        let phase = s.variable("phase", per: procs, in: .cases(Phase.self), initial: .idle)
        let clock = s.variable("clock", per: procs, in: .range(0...maxTimestamp), initial: 0)
        let queue = s.variable("queue", per: procs, procs, in: .range(0...maxTimestamp), initial: 0)
        let replies = s.variable("replies", per: procs, in: .range(0...(n - 1)), initial: 0)
        let done = s.variable("done", per: procs, in: .range(0...rounds), initial: 0)

        let ts = Field("ts", .range(0...maxTimestamp))
        let request = s.message("request", ts)
        let reply = s.message("reply")
        let release = s.message("release")
        if variant == .unordered {
            s.network(.unordered(capacity: 3 * n * (n - 1)))
        } else {
            s.network(.fifo(capacity: 3))
        }

        s.action("request", for: procs) { i in
            Require(phase[i] == .idle)
            Require(done[i] < .constant(rounds))
            phase[i] <- .waiting
            clock[i] <- clock[i] + 1
            queue[i, i] <- clock[i]
            replies[i] <- 0
            ForEach(procs, except: i) { j in
                Send(request.with(ts, clock[i]), from: i, to: j)
            }
        }

        s.on(request, at: procs) { m in
            clock[m.receiver] <- Max(clock[m.receiver], m[ts])
            queue[m.receiver, m.sender] <- m[ts]
            Send(reply, from: m.receiver, to: m.sender)
        }

        s.on(reply, at: procs) { m in
            replies[m.receiver] <- replies[m.receiver] + 1
        }

        s.action("enter", for: procs) { i in
            Require(phase[i] == .waiting)
            if variant != .noReplies {
                Require(replies[i] == .constant(n - 1))
            }
            Require(ForAll(procs, except: i) { j in
                let empty = queue[i, j] == 0
                return empty || Precedes(queue[i, i], i, queue[i, j], j)
            })
            phase[i] <- .critical
        }

        s.action("exit", for: procs) { i in
            Require(phase[i] == .critical)
            phase[i] <- .idle
            done[i] <- done[i] + 1
            queue[i, i] <- 0
            ForEach(procs, except: i) { j in
                Send(release, from: i, to: j)
            }
        }

        s.on(release, at: procs) { m in
            queue[m.receiver, m.sender] <- 0
        }

        s.check(MutualExclusion(procs) { i in phase[i] == .critical })
        s.fair(.weak, processes: procs)
        s.check(StarvationFreedom(procs, waiting: { i in phase[i] == .waiting }, critical: { i in phase[i] == .critical }))
        s.validEndState(ForAll(procs) { i in done[i] == .constant(rounds) })
    }
}
