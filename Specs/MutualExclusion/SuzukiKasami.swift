import Kripke

/// # Suzuki–Kasami broadcast mutual exclusion (1985)
///
/// A single token grants the critical section. Every process `i` keeps `RN[i, j]`, the highest
/// request number it has heard from `j`; the token carries `LN[j]`, the number of `j`'s last
/// satisfied request, and a FIFO queue of processes waiting for it.
/// - To enter, a process holding the (idle) token enters at once; otherwise it increments
///   `RN[i, i]` and broadcasts REQUEST(`RN[i, i]`).
/// - On REQUEST(n) from `j`, process `i` sets `RN[i, j] = max(RN[i, j], n)`; if it holds the
///   token outside the critical section and the request is current (`RN[i, j] = LN[j] + 1`),
///   it sends the token to `j`.
/// - A process receiving the token enters. On leaving, it sets `LN[i] = RN[i, i]`, appends every
///   process `j` not yet queued with a current request (`RN[i, j] = LN[j] + 1`), in id order, and
///   if the queue is not empty sends the token to its head.
///
/// **Modelling the token.** The token is unique, so its contents are kept as global variables
/// that only its holder reads or writes, and the TOKEN message itself carries nothing:
/// `LN[j]`, and the queue as tickets — `ticket[j]` is `j`'s place in line, counted over the run;
/// `served` counts the processes dequeued so far and `tail` those ever queued, so `j` is queued
/// exactly when `ticket[j] > served`, and the head is the process with ticket `served + 1`.
///
/// **Parameters**: `N` processes (default 3), `R` critical-section entries per process
/// (default 1).
///
/// **Properties**: mutual exclusion; one token (held or in flight); no deadlock (every run ends
/// with every process done); starvation freedom under weak fairness of every process (liveness).
///
/// **Variants**:
/// - `suzuki-kasami` — correct; holds.
/// - `suzuki-kasami-outdated-request` — the idle holder sends the token on any REQUEST without
///   checking that it is current, so a late REQUEST that was already served pulls the token to
///   a process that no longer wants it, and a waiting process is never served: deadlock.
/// - `suzuki-kasami-forget-ln` — the holder does not record its satisfied request in `LN` when
///   it leaves, so its old request looks current and later holders queue it and send it the
///   token again.
///
/// **Pinned counts** (SpecsTests): correct, N=3 R=1: 1,345 states, 3,537 transitions, depth 15.
/// Outdated request and forgotten LN, N=3 R=1: each deadlocks after 14 steps, with p0 waiting
/// forever while an idle process holds the token.
public enum SuzukiKasami {
    enum Variant { case correct, outdatedRequest, forgetLN }
    enum Phase: Enumeration { case idle, waiting, critical }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...4, summary: "number of processes"),
        ParameterDecl(name: "R", defaultValue: 1, range: 1...3, summary: "critical-section entries per process"),
    ]

    public static let correct = SpecDefinition(
        name: "suzuki-kasami", summary: "Suzuki–Kasami: broadcast requests, a token with LN[] and a queue",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let outdatedRequest = SpecDefinition(
        name: "suzuki-kasami-outdated-request",
        summary: "Suzuki–Kasami whose holder sends the token on an outdated request",
        parameters: parameters, expectation: .violated) { build($0, .outdatedRequest) }

    public static let forgetLN = SpecDefinition(
        name: "suzuki-kasami-forget-ln", summary: "Suzuki–Kasami whose holder forgets to update LN when it leaves",
        parameters: parameters, expectation: .violated) { build($0, .forgetLN) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let rounds = s.parameter("R")
        // Each exit queues at most N − 1 processes (the buggy variants may queue one repeatedly).
        let maxTicket = n * (n - 1) * rounds
        let procs = s.processes("p", count: n)

        let phase = s.variable("phase", per: procs, in: .cases(Phase.self), initial: .idle)
        let done = s.variable("done", per: procs, in: .range(0...rounds), initial: 0)
        let rn = s.variable("RN", per: procs, procs, in: .range(0...rounds), initial: 0)
        let hasToken = s.variable("hasToken", per: procs, in: .bool) { i in i == procs.process(0) }
        // The token's contents, read and written only by its holder.
        let ln = s.variable("LN", per: procs, in: .range(0...rounds), initial: 0)
        let ticket = s.variable("ticket", per: procs, in: .range(0...maxTicket), initial: 0)
        let served = s.global("served", in: .range(0...maxTicket), initial: 0)
        let tail = s.global("tail", in: .range(0...maxTicket), initial: 0)

        let sn = Field("sn", .range(0...rounds))
        let request = s.message("request", sn)
        let token = s.message("token")
        s.network(.unordered(capacity: n * (n - 1) * rounds + 1))

        s.action("request", for: procs) { i in
            Require(phase[i] == .idle)
            Require(done[i] < .constant(rounds))
            If(hasToken[i]) {
                phase[i] <- .critical
            } else: {
                phase[i] <- .waiting
                rn[i, i] <- rn[i, i] + 1
                ForEach(procs, except: i) { j in
                    Send(request.with(sn, rn[i, i]), from: i, to: j)
                }
            }
        }

        s.on(request, at: procs) { m in
            let i = m.receiver
            let j = m.sender
            let current = variant == .outdatedRequest ? true : rn[i, j] == ln[j] + 1
            let idleHolder = hasToken[i] && phase[i] == .idle
            rn[i, j] <- Max(rn[i, j], m[sn])
            If(idleHolder && current) {
                hasToken[i] <- false
                Send(token, from: i, to: j)
            }
        }

        s.on(token, at: procs) { m in
            hasToken[m.receiver] <- true
            If(phase[m.receiver] == .waiting) {
                phase[m.receiver] <- .critical
            }
        }

        s.action("exit", for: procs) { i in
            Require(phase[i] == .critical)
            phase[i] <- .idle
            done[i] <- done[i] + 1
            if variant != .forgetLN {
                ln[i] <- rn[i, i]
            }
            // Append every unqueued process with a current request, in id order.
            ForEach(procs, except: i) { j in
                let unqueued = ticket[j] <= served
                let current = rn[i, j] == ln[j] + 1
                let appendedBefore = Count(procs) { k in ticket[k] > tail }
                If(unqueued && current) {
                    ticket[j] <- tail + appendedBefore + 1
                }
            }
            let appended = Count(procs) { k in ticket[k] > tail }
            tail <- tail + appended
            // Dequeue the head and send it the token.
            If(tail > served) {
                ForEach(procs) { j in
                    If(ticket[j] == served + 1) {
                        Send(token, from: i, to: j)
                    }
                }
                served <- served + 1
                hasToken[i] <- false
            }
        }

        s.check(MutualExclusion(procs) { i in phase[i] == .critical })
        s.fair(.weak, processes: procs)
        s.check(StarvationFreedom(procs, waiting: { i in phase[i] == .waiting }, critical: { i in phase[i] == .critical }))
        let holders = Count(procs) { i in hasToken[i] }
        s.invariant("one token", holders + InFlight(token) == 1)
        s.validEndState(ForAll(procs) { i in done[i] == .constant(rounds) })
    }
}
