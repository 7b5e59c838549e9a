import Kripke

/// # Hirschberg–Sinclair election (1980)
///
/// `N` processes with distinct ids sit on a bidirectional ring. Every process wakes up as a
/// candidate and works in phases k = 0, 1, 2, …: in phase k it sends a PROBE(id, k, hops)
/// both ways, to travel 2^k hops. A process receiving a probe with a *smaller* id swallows it;
/// with a larger id it relays it onward (away from where it came from) while hops < 2^k, and
/// at hops = 2^k sends a REPLY(id, k) back, which is relayed home. A candidate that gets both
/// replies of phase k — it is the largest within distance 2^k — starts phase k+1. A probe that
/// comes back to its own sender has gone all around the ring: that process is the largest and
/// announces itself with ELECTED, sent once around the ring. O(N log N) messages.
///
/// Ids are arranged in a zigzag (`p0`, `p1`, `p2`, `p3` have ids 0, 3, 1, 2), so that a
/// process other than the largest — `p3`, id 2, between ids 1 and 0 — is also a local maximum
/// and reaches phase 1.
///
/// **Parameters**: `N` processes (default 4, at least 3 so that a process's two neighbours
/// differ). FIFO channels in both directions, capacity 4, never reached.
///
/// **Properties**: *unique leader*; *agreement at end* — once every process is awake and no
/// message is in flight, every process names the largest id; no deadlock.
///
/// **Variants**:
/// - `hirschberg-sinclair` — correct; holds.
/// - `hirschberg-sinclair-one-way-relay` — relays always pass messages to the successor, as on
///   a unidirectional ring, instead of away from where they came from: a probe sent
///   counterclockwise bounces back to its sender, which believes it went around the ring.
///
/// **Pinned counts** (SpecsTests): correct, N=4: 86,206 states, 351,077 transitions, depth 40;
/// N=3: 4,114 states. One-way relay, N=4: unique leader violated after 14 steps.
public enum HirschbergSinclair {
    enum Variant { case correct, oneWayRelay }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 4, range: 3...6, summary: "number of processes on the ring"),
    ]

    public static let correct = SpecDefinition(
        name: "hirschberg-sinclair", summary: "Hirschberg–Sinclair election with probes to distance 2^k both ways",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let oneWayRelay = SpecDefinition(
        name: "hirschberg-sinclair-one-way-relay",
        summary: "Hirschberg–Sinclair whose relays always forward clockwise",
        parameters: parameters, expectation: .violated) { build($0, .oneWayRelay) }

    /// Zigzag ids: even positions count up from 0, odd positions count down from N−1.
    static func zigzag(_ n: Int) -> [Int] {
        (0..<n).map { k in k % 2 == 0 ? k / 2 : n - 1 - k / 2 }
    }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let maxPhase = (0...n).first { 1 << $0 >= n }!
        let procs = s.processes("p", count: n)
        let ids = zigzag(n)

        func id(_ i: Term<ProcessID>) -> Term<Int> {
            (1..<n).reduce(Term<Int>.constant(ids[0])) { rest, k in Ite(i == procs.process(k), .constant(ids[k]), rest) }
        }
        func distance(_ phase: Term<Int>) -> Term<Int> {
            (1...maxPhase).reduce(Term<Int>.constant(1)) { rest, k in Ite(phase == .constant(k), .constant(1 << k), rest) }
        }
        /// Where a message that came from `sender` continues: away from `sender`.
        func onward(_ i: Term<ProcessID>, from sender: Term<ProcessID>) -> Term<ProcessID> {
            variant == .correct ? Ite(sender == procs.previous(i), procs.next(i), procs.previous(i)) : procs.next(i)
        }

        let awake = s.variable("awake", per: procs, in: .bool, initial: false)
        let phase = s.variable("phase", per: procs, in: .range(0...maxPhase), initial: 0)
        let replies = s.variable("replies", per: procs, in: .range(0...1), initial: 0)
        let leader = s.variable("leader", per: procs, in: .range(-1...(n - 1)), initial: -1)

        let uid = Field("id", .range(0...(n - 1)))
        let ph = Field("phase", .range(0...maxPhase))
        let hops = Field("hops", .range(1...(1 << maxPhase)))
        let probe = s.message("probe", uid, ph, hops)
        let reply = s.message("reply", uid, ph)
        let elected = s.message("elected", uid)
        s.network(.fifo(capacity: 4))

        /// Probes of phase `k` from `i` in both directions.
        func probeBothWays(_ i: Term<ProcessID>, phase k: Term<Int>) -> [Stmt] {
            let message = probe.with(uid, id(i)).with(ph, k).with(hops, 1)
            return [Send(message, from: i, to: procs.next(i)), Send(message, from: i, to: procs.previous(i))]
        }

        s.action("wake", for: procs) { i in
            Require(!awake[i])
            awake[i] <- true
            probeBothWays(i, phase: 0)
        }

        s.on(probe, at: procs) { m in
            let i = m.receiver
            If(m[uid] == id(i)) {
                If(leader[i] == -1) {
                    leader[i] <- id(i)
                    Send(elected.with(uid, id(i)), from: i, to: procs.next(i))
                }
            } else: {
                If(m[uid] > id(i)) {
                    If(m[hops] < distance(m[ph])) {
                        let relayed = probe.with(uid, m[uid]).with(ph, m[ph]).with(hops, m[hops] + 1)
                        Send(relayed, from: i, to: onward(i, from: m.sender))
                    } else: {
                        Send(reply.with(uid, m[uid]).with(ph, m[ph]), from: i, to: m.sender)
                    }
                }
            }
        }

        s.on(reply, at: procs) { m in
            let i = m.receiver
            If(m[uid] != id(i)) {
                Send(reply.with(uid, m[uid]).with(ph, m[ph]), from: i, to: onward(i, from: m.sender))
            } else: {
                If(replies[i] == 1) {
                    replies[i] <- 0
                    phase[i] <- phase[i] + 1
                    probeBothWays(i, phase: phase[i])
                } else: {
                    replies[i] <- 1
                }
            }
        }

        s.on(elected, at: procs) { m in
            let i = m.receiver
            leader[i] <- m[uid]
            If(m[uid] != id(i)) {
                Send(elected.with(uid, m[uid]), from: i, to: procs.next(i))
            }
        }

        let allAwake = ForAll(procs) { i in awake[i] }
        let noProbe = InFlight(probe) == 0
        let noReply = InFlight(reply) == 0
        let noElected = InFlight(elected) == 0
        let ended = allAwake && noProbe && noReply && noElected

        s.check(UniqueLeader(procs) { i in leader[i] == id(i) })
        s.check(AgreementAtEnd(procs, ended: ended) { i in leader[i] == .constant(n - 1) })
        s.validEndState(ended)
    }
}
