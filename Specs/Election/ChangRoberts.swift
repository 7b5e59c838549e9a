import Kripke

/// # Chang–Roberts election (1979)
///
/// `N` processes with distinct ids sit on a unidirectional ring (FIFO channels to the
/// successor). Any process that is not yet participating may start: it becomes a participant
/// and sends ELECTION(own id). A process receiving ELECTION(x) compares x with its own id:
/// larger — forward it (and participate); smaller — if not yet participating, replace it by
/// its own id and participate, else swallow it; equal — its id went all around the ring, so
/// it is the largest: it is elected and sends ELECTED(id) around, which every process records
/// before passing it on, until it returns to the leader.
///
/// Message count depends on the id order. With ids *increasing* in the direction messages
/// travel, every id but the largest is swallowed after one hop: O(N) messages. With ids
/// *decreasing* along the ring, the id k travels until it meets a larger one, N(N+1)/2
/// ELECTION messages in total — the worst case.
///
/// **Parameters**: `N` processes (default 4, up to 12: about 5× the states per process added,
/// 247,693 at N=9); `ORDER` — 0 for ids increasing along the ring
/// (`p_k` has id k), 1 for ids decreasing (`p_k` has id N−1−k, the worst case; default).
///
/// **Properties**: *unique leader*; *agreement at end* — once no process can start and no
/// message is in flight, every process names the largest id N−1; no deadlock; *a leader is
/// elected* on every run fair to every process (liveness).
///
/// **Variants**:
/// - `chang-roberts` — correct; holds for both orders. It carries five helper lemmas
///   (`ChangRobertsLemmas.swift`), and `kripke prove chang-roberts` proves it by 0-induction.
/// - `chang-roberts-forward-smaller` — a non-participant that receives a smaller id passes it
///   on unchanged instead of replacing it by its own, and becomes a participant: the largest
///   process can end up relaying a small id and then swallowing every other, so nobody is
///   elected (or a small id travels all around the ring and wins).
///
/// **Pinned counts** (SpecsTests): correct, N=4 ORDER=1: 116 states, 281 transitions,
/// depth 10; ORDER=0: 63 states; N=5: 489 states. Forward-smaller, N=4 ORDER=1: agreement at
/// end violated after 7 steps.
public enum ChangRoberts {
    enum Variant { case correct, forwardSmaller }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 4, range: 2...12, summary: "number of processes on the ring"),
        ParameterDecl(name: "ORDER", defaultValue: 1, range: 0...1,
                      summary: "ids along the ring: 0 increasing (best case), 1 decreasing (worst case)"),
    ]

    public static let correct = SpecDefinition(
        name: "chang-roberts", summary: "Chang–Roberts election on a unidirectional ring, forwarding only larger ids",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let forwardSmaller = SpecDefinition(
        name: "chang-roberts-forward-smaller",
        summary: "Chang–Roberts whose non-participants forward smaller ids instead of their own",
        parameters: parameters, expectation: .violated) { build($0, .forwardSmaller) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let decreasing = s.parameter("ORDER") == 1
        let procs = s.processes("p", count: n)

        /// The id of process `i`: its ring position, or the reverse order.
        func id(_ i: Term<ProcessID>) -> Term<Int> {
            decreasing ? .constant(n - 1) - procs.index(i) : procs.index(i)
        }

        let participant = s.variable("participant", per: procs, in: .bool, initial: false)
        let leader = s.variable("leader", per: procs, in: .range(-1...(n - 1)), initial: -1)

        let uid = Field("id", .range(0...(n - 1)))
        let election = s.message("election", uid)
        let elected = s.message("elected", uid)
        s.network(.fifo(capacity: n))

        s.action("start", for: procs) { i in
            Require(!participant[i])
            Require(leader[i] == -1)
            participant[i] <- true
            Send(election.with(uid, id(i)), from: i, to: procs.next(i))
        }

        s.on(election, at: procs) { m in
            let i = m.receiver
            let next = procs.next(i)
            If(m[uid] > id(i)) {
                participant[i] <- true
                Send(election.with(uid, m[uid]), from: i, to: next)
            } else: {
                If(m[uid] < id(i)) {
                    If(!participant[i]) {
                        participant[i] <- true
                        let candidate = variant == .correct ? id(i) : m[uid]
                        Send(election.with(uid, candidate), from: i, to: next)
                    }
                } else: {
                    leader[i] <- id(i)
                    participant[i] <- false
                    Send(elected.with(uid, id(i)), from: i, to: next)
                }
            }
        }

        s.on(elected, at: procs) { m in
            let i = m.receiver
            leader[i] <- m[uid]
            participant[i] <- false
            If(m[uid] != id(i)) {
                Send(elected.with(uid, m[uid]), from: i, to: procs.next(i))
            }
        }

        let involved = ForAll(procs) { i in participant[i] || leader[i] != -1 }
        let noElection = InFlight(election) == 0
        let noElected = InFlight(elected) == 0
        let ended = involved && noElection && noElected

        s.check(UniqueLeader(procs) { i in leader[i] == id(i) })
        s.check(AgreementAtEnd(procs, ended: ended) { i in leader[i] == .constant(n - 1) })
        s.validEndState(ended)
        s.fair(.weak, processes: procs)
        s.check(Eventually("a leader is elected", Exists(procs) { i in leader[i] == id(i) }))
        if variant == .correct {
            let model = Model(procs: procs, participant: participant, leader: leader, election: election,
                              elected: elected, uid: uid, id: id, largest: procs.process(decreasing ? 0 : n - 1))
            lemmas(s, model, n: n)
        }
    }
}
