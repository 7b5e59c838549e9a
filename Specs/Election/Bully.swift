import Kripke

/// # Bully election (Garcia-Molina, 1982)
///
/// Processes have distinct ids (here: `p0` < `p1` < …) and may crash. Initially every process
/// knows the highest one as coordinator. A process that notices its coordinator has crashed
/// holds an election: it sends ELECTION to every process with a higher id. A
/// process receiving ELECTION answers OK — "I am bigger, I take over" — and holds an election
/// itself unless it is already in one. A process that gets an OK stops and waits for the
/// result. A process whose election meets no OK within the timeout has won: it is the
/// coordinator and tells every other process with COORDINATOR. A waiting process whose
/// COORDINATOR never comes (the bigger process crashed) starts over.
///
/// The algorithm assumes a synchronous system: a live process answers within the timeout. The
/// model states that assumption as a perfect failure detector — the timeout fires only when
/// every higher process has crashed. Crashes are fail-stop, at any moment (`s.crashes`).
///
/// **Parameters**: `N` processes (default 4), `F` of which may crash (default 1, `F < N`).
/// The network is unordered and reliable, with room for 2N² messages: never reached with one crash;
/// with more it can be (N=4 F=2 reaches it, and the check ends incomplete, exit 3).
///
/// **Properties**: *unique leader* — at most one live process considers itself coordinator;
/// *agreement at end* — when no election is running and no message is in flight, every live
/// process names the highest live id; no deadlock; *the highest live process is known as
/// coordinator* — infinitely often, every live process names the highest live process — on
/// every run where every step of every process is weakly fair (crashes are not: up to F
/// processes may still crash, at any moment).
///
/// **Variants**:
/// - `bully` — correct; holds.
/// - `bully-early-timeout` — the timeout is shorter than a round trip: a process declares
///   victory before the OKs of live higher processes can arrive, so two processes lead.
///
/// **Pinned counts** (SpecsTests): correct, N=4 F=1: 3,052 states, 10,724 transitions,
/// depth 24; N=3 F=2: 198 states. Early timeout, N=4 F=1: unique leader violated after 5 steps.
public enum Bully {
    enum Variant { case correct, earlyTimeout }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 4, range: 2...5, summary: "number of processes"),
        ParameterDecl(name: "F", defaultValue: 1, range: 0...4, summary: "processes that may crash"),
    ]

    public static let correct = SpecDefinition(
        name: "bully", summary: "Bully leader election with crashes and a perfect failure detector",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let earlyTimeout = SpecDefinition(
        name: "bully-early-timeout", summary: "Bully election whose timeout fires before the OKs arrive",
        parameters: parameters, expectation: .violated) { build($0, .earlyTimeout) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let f = s.parameter("F")
        s.assume(f < n, "at least one process must stay alive (F=\(f), N=\(n))")
        let procs = s.processes("p", count: n)

        let leader = s.variable("leader", per: procs, in: .processOrNone(procs), initial: procs.process(n - 1))
        let electing = s.variable("electing", per: procs, in: .bool, initial: false)
        let waiting = s.variable("waiting", per: procs, in: .bool, initial: false)
        let crashed = s.crashes(procs, upTo: f)

        let election = s.message("election")
        let ok = s.message("ok")
        let coordinator = s.message("coordinator")
        s.network(.unordered(capacity: 2 * n * n))

        /// Every process with a higher id than `i` has crashed: nobody can answer `i`.
        func noLiveHigher(_ i: Term<ProcessID>) -> Term<Bool> {
            ForAll(procs) { j in (j > i).implies(crashed[j]) }
        }
        /// `i` names a coordinator that is alive.
        func knowsLiveLeader(_ i: Term<ProcessID>) -> Term<Bool> {
            Exists(procs) { k in leader[i] == k && !crashed[k] }
        }
        /// Send ELECTION to every higher process.
        func callElection(_ i: Term<ProcessID>) -> Stmt {
            ForEach(procs) { j in
                If(j > i) { Send(election, from: i, to: j) }
            }
        }

        s.action("start election", for: procs) { i in
            Require(!electing[i])
            Require(!waiting[i])
            Require(!knowsLiveLeader(i))
            electing[i] <- true
            callElection(i)
        }

        s.on(election, at: procs) { m in
            let i = m.receiver
            Send(ok, from: i, to: m.sender)
            let idle = !electing[i] && !waiting[i]
            If(idle) {
                electing[i] <- true
                callElection(i)
            }
        }

        s.on(ok, at: procs) { m in
            let i = m.receiver
            If(electing[i]) {
                electing[i] <- false
                waiting[i] <- true
            }
        }

        s.action("win", for: procs) { i in
            Require(electing[i])
            if variant == .correct { Require(noLiveHigher(i)) }
            electing[i] <- false
            leader[i] <- i
            ForEach(procs, except: i) { j in Send(coordinator, from: i, to: j) }
        }

        s.action("retry", for: procs) { i in
            Require(waiting[i])
            Require(noLiveHigher(i))
            waiting[i] <- false
            electing[i] <- true
            callElection(i)
        }

        s.on(coordinator, at: procs) { m in
            let i = m.receiver
            leader[i] <- m.sender
            electing[i] <- false
            waiting[i] <- false
        }

        let quiet = ForAll(procs) { i in
            let settled = !electing[i] && !waiting[i] && knowsLiveLeader(i)
            return crashed[i] || settled
        }
        let toLive = { (m: Delivery) in !crashed[m.receiver] }
        let noElection = InFlight(election, where: toLive) == 0
        let noOK = InFlight(ok, where: toLive) == 0
        let noCoordinator = InFlight(coordinator, where: toLive) == 0
        let ended = quiet && noElection && noOK && noCoordinator

        s.check(UniqueLeader(procs) { i in !crashed[i] && leader[i] == i })
        s.check(AgreementAtEnd(procs, ended: ended, live: { i in !crashed[i] }) { i in
            Exists(procs) { k in leader[i] == k && !crashed[k] && noLiveHigher(k) }
        })
        s.validEndState(ended)

        // Elections end: however the crashes fall, the run comes back to every live process
        // naming the highest live one (an ended run stays there).
        s.fair(.weak, everyActionOf: procs)
        s.check(AlwaysEventually("the highest live process is known as coordinator", ForAll(procs) { i in
            crashed[i] || Exists(procs) { k in leader[i] == k && !crashed[k] && noLiveHigher(k) }
        }))
    }
}
