import Kripke

/// # Ricart–Agrawala mutual exclusion (1981)
///
/// Each of `N` processes that wants the critical section broadcasts REQUEST carrying a sequence
/// number one above the highest it has seen (a Lamport clock), then waits for a REPLY from every
/// other process. A process receiving REQUEST(k) from j replies at once unless it is in the
/// critical section, or it is waiting with an earlier request — `(ourSeq, i) < (k, j)`, ties
/// broken by process id — in which case it defers the reply until it leaves.
///
/// **Parameters**: `N` processes (default 3), `R` critical-section entries per process (default 1).
/// The network is unordered (messages may be reordered); its capacity, 2·N·(N−1), is the most
/// messages that can be in flight, so it is never reached.
///
/// **Properties**: mutual exclusion (at most one process in the critical section); no deadlock
/// (every run ends with every process done); starvation freedom under weak fairness of every
/// process (liveness). The correct variant carries eight helper lemmas
/// (RicartAgrawalaLemmas.swift) that make mutual exclusion inductive: `kripke prove
/// ricart-agrawala` proves it for every depth (k = 0), and `check` verifies the lemmas too.
///
/// **Variants**:
/// - `ricart-agrawala` — correct; holds.
/// - `ricart-agrawala-tie-bug` — ties on equal sequence numbers are not broken by process id: two
///   processes that request with the same number each reply to the other, and both enter.
///
/// **Pinned counts** (SpecsTests): correct, N=3 R=1: 3,300 states, 10,270 transitions, depth 21
/// (SPIN finds the same 3,300 states on the Promela model in Benchmarks/spin); N=2 R=2: 207 states.
/// Buggy, N=3 R=1: mutual exclusion violated after 12 steps (8 steps with N=2).
public enum RicartAgrawala {
    enum Variant { case correct, tieBug }
    enum Phase: Enumeration { case idle, waiting, critical }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...5, summary: "number of processes"),
        ParameterDecl(name: "R", defaultValue: 1, range: 1...3, summary: "critical-section entries per process"),
    ]

    public static let correct = SpecDefinition(
        name: "ricart-agrawala", summary: "Ricart–Agrawala mutual exclusion with Lamport sequence numbers",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let tieBug = SpecDefinition(
        name: "ricart-agrawala-tie-bug", summary: "Ricart–Agrawala whose ties on equal sequence numbers ignore process ids",
        parameters: parameters, expectation: .violated) { build($0, .tieBug) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let rounds = s.parameter("R")
        let maxSeq = n * rounds
        let procs = s.processes("p", count: n)   // not symmetric: ties are broken by process id

        let phase = s.variable("phase", per: procs, in: .cases(Phase.self), initial: .idle)
        let ourSeq = s.variable("ourSeq", per: procs, in: .range(0...maxSeq), initial: 0)
        let highestSeq = s.variable("highestSeq", per: procs, in: .range(0...maxSeq), initial: 0)
        let replies = s.variable("replies", per: procs, in: .range(0...(n - 1)), initial: 0)
        let deferred = s.variable("deferred", per: procs, procs, in: .bool, initial: false)
        let done = s.variable("done", per: procs, in: .range(0...rounds), initial: 0)

        let seq = Field("seq", .range(0...maxSeq))
        let request = s.message("request", seq)
        let reply = s.message("reply")
        s.network(.unordered(capacity: 2 * n * (n - 1)))

        s.action("request", for: procs) { i in
            Require(phase[i] == .idle)
            Require(done[i] < .constant(rounds))
            phase[i] <- .waiting
            ourSeq[i] <- highestSeq[i] + 1
            replies[i] <- 0
            ForEach(procs, except: i) { j in
                Send(request.with(seq, ourSeq[i]), from: i, to: j)
            }
        }

        s.on(request, at: procs) { m in
            let i = m.receiver
            let j = m.sender
            let busy = phase[i] == .critical
            let waiting = phase[i] == .waiting
            let earlier = variant == .correct ? Precedes(ourSeq[i], i, m[seq], j) : ourSeq[i] < m[seq]
            highestSeq[i] <- Max(highestSeq[i], m[seq])
            If(busy || (waiting && earlier)) {
                deferred[i, j] <- true
            } else: {
                Send(reply, from: i, to: j)
            }
        }

        s.on(reply, at: procs) { m in
            replies[m.receiver] <- replies[m.receiver] + 1
        }

        s.action("enter", for: procs) { i in
            Require(phase[i] == .waiting)
            Require(replies[i] == .constant(n - 1))
            phase[i] <- .critical
        }

        s.action("exit", for: procs) { i in
            Require(phase[i] == .critical)
            phase[i] <- .idle
            done[i] <- done[i] + 1
            ForEach(procs, except: i) { j in
                If(deferred[i, j]) {
                    deferred[i, j] <- false
                    Send(reply, from: i, to: j)
                }
            }
        }

        s.check(MutualExclusion(procs) { i in phase[i] == .critical })
        s.fair(.weak, processes: procs)
        s.check(StarvationFreedom(procs, waiting: { i in phase[i] == .waiting }, critical: { i in phase[i] == .critical }))
        s.validEndState(ForAll(procs) { i in done[i] == .constant(rounds) })
        if variant == .correct {
            let model = Model(procs: procs, phase: phase, ourSeq: ourSeq, highestSeq: highestSeq, replies: replies,
                              deferred: deferred, request: request, reply: reply, seq: seq)
            lemmas(s, model, n: n)
        }
    }
}
