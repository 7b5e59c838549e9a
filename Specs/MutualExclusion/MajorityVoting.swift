import Kripke

/// # Decentralized mutual exclusion by majority voting
///
/// The resource is guarded by `K` coordinators (replicas), each holding one vote. A client that
/// wants the critical section sends REQUEST to every coordinator. A coordinator whose vote is
/// free gives it to the client (GRANT) and remembers the holder; otherwise it answers DENY.
/// When all `K` answers are in, the client enters if it holds votes from a majority,
/// `m = ⌊K/2⌋ + 1` coordinators: two majorities always share a coordinator, which has voted only
/// once. With fewer votes it returns the ones it got (RELEASE) and tries again later. On leaving
/// the critical section it returns all its votes. A coordinator frees its vote on RELEASE from
/// the client holding it.
///
/// **Parameters**: `N` clients (default 2), `K` coordinators (default 3), `R` critical-section
/// entries per client (default 1). A client that gives up may retry any number of times; the
/// states repeat, so the state space stays finite.
///
/// **Properties**: mutual exclusion; no deadlock (every run can end with every client done);
/// *starvation freedom* — every waiting client eventually enters — under weak fairness of every
/// client and coordinator. Mutual exclusion holds, but starvation freedom does not: two clients
/// that split the votes give up and retry forever, a fair run (every process keeps taking steps)
/// in which a waiting client never enters. `kripke check majority-voting` shows that lasso.
///
/// **Variants**:
/// - `majority-voting` — mutual exclusion holds; starvation freedom is violated (a lasso).
/// - `majority-voting-half` — the majority is computed as `K/2` (integer division) instead of
///   `K/2 + 1`: with `K = 3` one vote suffices, with `K = 4` two disjoint halves both win.
/// - `majority-voting-amnesia` — a coordinator crashes and restarts without stable storage,
///   forgetting the vote it gave (once per run): it votes again, and a second client collects a
///   majority while the first is still in the critical section.
///
/// **Pinned counts** (SpecsTests): correct, N=2 K=3 R=1: 9,365 states, 36,284 transitions,
/// depth 42 (with giving up disabled the depth is 22: the deepest states lie behind a client
/// that gave up and retried, with its RELEASEs and new REQUESTs in flight together). Half, K=3: mutual exclusion violated after 16 steps (20 with K=4); amnesia: after 17.
public enum MajorityVoting {
    enum Variant { case correct, half, amnesia }
    enum Phase: Enumeration { case idle, waiting, critical }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 2, range: 2...4, summary: "number of clients"),
        ParameterDecl(name: "K", defaultValue: 3, range: 1...5, summary: "number of coordinators (votes)"),
        ParameterDecl(name: "R", defaultValue: 1, range: 1...3, summary: "critical-section entries per client"),
    ]

    public static let correct = SpecDefinition(
        name: "majority-voting", summary: "Decentralized mutual exclusion: a majority of coordinator votes (safe, can starve)",
        parameters: parameters, expectation: .violated) { build($0, .correct) }

    public static let half = SpecDefinition(
        name: "majority-voting-half", summary: "Majority voting whose majority is K/2 instead of K/2 + 1",
        parameters: parameters, expectation: .violated) { build($0, .half) }

    public static let amnesia = SpecDefinition(
        name: "majority-voting-amnesia", summary: "Majority voting whose coordinator forgets its vote after a crash",
        parameters: parameters, expectation: .violated) { build($0, .amnesia) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let k = s.parameter("K")
        let rounds = s.parameter("R")
        let majority = variant == .half ? k / 2 : k / 2 + 1
        let clients = s.processes("client", count: n)
        let coordinators = s.processes("coordinator", count: k)

        let phase = s.variable("phase", per: clients, in: .cases(Phase.self), initial: .idle)
        let done = s.variable("done", per: clients, in: .range(0...rounds), initial: 0)
        let vote = s.variable("vote", per: clients, coordinators, in: .bool, initial: false)
        let answers = s.variable("answers", per: clients, in: .range(0...k), initial: 0)
        let holder = s.variable("holder", per: coordinators, in: .processOrNone(clients), initial: .none)

        let request = s.message("request")
        let grant = s.message("grant")
        let deny = s.message("deny")
        let release = s.message("release")
        s.network(.unordered(capacity: 2 * n * k))

        s.action("request", for: clients) { c in
            Require(phase[c] == .idle)
            Require(done[c] < .constant(rounds))
            phase[c] <- .waiting
            answers[c] <- 0
            ForEach(coordinators) { q in
                Send(request, from: c, to: q)
            }
        }

        s.on(request, at: coordinators) { m in
            If(holder[m.receiver] == .none) {
                holder[m.receiver] <- m.sender
                Send(grant, from: m.receiver, to: m.sender)
            } else: {
                Send(deny, from: m.receiver, to: m.sender)
            }
        }

        s.on(grant, at: clients) { m in
            vote[m.receiver, m.sender] <- true
            answers[m.receiver] <- answers[m.receiver] + 1
        }

        s.on(deny, at: clients) { m in
            answers[m.receiver] <- answers[m.receiver] + 1
        }

        let votes = { (c: Term<ProcessID>) in Count(coordinators) { q in vote[c, q] } }

        s.action("enter", for: clients) { c in
            Require(phase[c] == .waiting)
            Require(answers[c] == .constant(k))
            Require(votes(c) >= .constant(majority))
            phase[c] <- .critical
        }

        s.action("give up", for: clients) { c in
            Require(phase[c] == .waiting)
            Require(answers[c] == .constant(k))
            Require(votes(c) < .constant(majority))
            phase[c] <- .idle
            ForEach(coordinators) { q in
                If(vote[c, q]) {
                    vote[c, q] <- false
                    Send(release, from: c, to: q)
                }
            }
        }

        s.action("exit", for: clients) { c in
            Require(phase[c] == .critical)
            phase[c] <- .idle
            done[c] <- done[c] + 1
            ForEach(coordinators) { q in
                If(vote[c, q]) {
                    vote[c, q] <- false
                    Send(release, from: c, to: q)
                }
            }
        }

        s.on(release, at: coordinators) { m in
            If(holder[m.receiver] == m.sender) {
                holder[m.receiver] <- .none
            }
        }

        if variant == .amnesia {
            let restarted = s.global("restarted", in: .bool, initial: false)
            s.action("restart", for: coordinators) { q in
                Require(!restarted)
                Require(holder[q] != .none)
                restarted <- true
                holder[q] <- .none
            }
        }

        s.check(MutualExclusion(clients) { c in phase[c] == .critical })
        s.fair(.weak, processes: clients)
        s.fair(.weak, processes: coordinators)
        s.check(StarvationFreedom(clients, waiting: { c in phase[c] == .waiting }, critical: { c in phase[c] == .critical }))
        s.validEndState(ForAll(clients) { c in done[c] == .constant(rounds) })
    }
}
