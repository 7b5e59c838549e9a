import Kripke

/// # Ring election (Tanenbaum's ring algorithm)
///
/// `N` processes sit on a unidirectional ring; each sends only to its successor over a FIFO
/// channel. Every process is an initiator: it sends ELECTION carrying its own id as origin and
/// the best (highest) id seen so far. A process that receives someone else's ELECTION adds
/// itself — the best id becomes the larger of the two — and passes it on. When an ELECTION
/// comes back to its origin it has visited everyone, so its best id is the highest on the
/// ring: the origin turns it into COORDINATOR, which goes once around the ring so that every
/// process learns the leader, and is removed by the origin when it returns.
///
/// **Parameters**: `N` processes (default 3). Channels hold at most `2N` messages, never reached.
///
/// **Properties**: *unique leader* — at most one process considers itself leader;
/// *agreement at end* — once every process has started and no message is in flight, every
/// process names the highest id; no deadlock.
///
/// **Variants**:
/// - `ring-election` — correct; holds.
/// - `ring-election-drop-when-participating` — a process that has already sent its own
///   ELECTION discards everyone else's (a misapplied Chang–Roberts shortcut that forgets to
///   compare ids): all messages can die, and the run ends without a leader.
///
/// **Pinned counts** (SpecsTests): correct, N=3: 848 states, 1,596 transitions, depth 21;
/// N=4: 23,312 states.
/// Drop-when-participating, N=3: agreement at end violated after 6 steps.
public enum RingElection {
    enum Variant { case correct, dropWhenParticipating }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...5, summary: "number of processes on the ring"),
    ]

    public static let correct = SpecDefinition(
        name: "ring-election", summary: "Ring election: every process an initiator, ELECTION collects the highest id",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let dropWhenParticipating = SpecDefinition(
        name: "ring-election-drop-when-participating",
        summary: "Ring election whose participants discard other processes' ELECTION messages",
        parameters: parameters, expectation: .violated) { build($0, .dropWhenParticipating) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let procs = s.processes("p", count: n)

        let started = s.variable("started", per: procs, in: .bool, initial: false)
        let leader = s.variable("leader", per: procs, in: .processOrNone(procs), initial: .none)

        let origin = Field("origin", .process(procs))
        let best = Field("best", .process(procs))
        let election = s.message("election", origin, best)
        let coordinator = s.message("coordinator", origin, best)
        s.network(.fifo(capacity: 2 * n))

        s.action("start", for: procs) { i in
            Require(!started[i])
            started[i] <- true
            Send(election.with(origin, i).with(best, i), from: i, to: procs.next(i))
        }

        s.on(election, at: procs) { m in
            let i = m.receiver
            let next = procs.next(i)
            let higher = Ite(i > m[best], i, m[best])
            let forward = election.with(origin, m[origin]).with(best, higher)
            If(m[origin] == i) {
                Send(coordinator.with(origin, i).with(best, m[best]), from: i, to: next)
            } else: {
                if variant == .correct {
                    Send(forward, from: i, to: next)
                } else {
                    If(!started[i]) { Send(forward, from: i, to: next) }
                }
            }
        }

        s.on(coordinator, at: procs) { m in
            let i = m.receiver
            leader[i] <- m[best]
            If(m[origin] != i) {
                Send(coordinator.with(origin, m[origin]).with(best, m[best]), from: i, to: procs.next(i))
            }
        }

        let allStarted = ForAll(procs) { i in started[i] }
        let noElection = InFlight(election) == 0
        let noCoordinator = InFlight(coordinator) == 0
        let ended = allStarted && noElection && noCoordinator
        let highest = procs.process(n - 1)

        s.check(UniqueLeader(procs) { i in leader[i] == i })
        s.check(AgreementAtEnd(procs, ended: ended) { i in leader[i] == highest })
        s.validEndState(ended)
    }
}
