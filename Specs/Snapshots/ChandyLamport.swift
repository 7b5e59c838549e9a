import Kripke

/// # Chandy–Lamport snapshot (1985)
///
/// `N` processes hold money (one unit each) and transfer units to each other over FIFO
/// channels. Any process may start a snapshot of the global state: it records its own balance,
/// sends a MARKER on every outgoing channel before anything else, and starts recording every
/// incoming channel. A process that receives its first MARKER, on channel c, does the same —
/// records its balance, sends markers, records the other incoming channels — and records c as
/// empty. A later MARKER on channel c stops the recording of c: the channel's state is the
/// money that arrived on c between the recording of the balance and the marker. The snapshot
/// is complete when every process has recorded and every channel is closed by a marker.
/// Several processes may start the same snapshot concurrently.
///
/// Ghost counters record, per channel, the transfers sent before the sender recorded and
/// received before the receiver recorded: the cut.
///
/// **Parameters**: `N` processes (default 3), `T` transfers in the whole run (default 2).
///
/// **Properties**: *consistent cut* — no transfer is recorded as received whose send is not in
/// the cut, and a complete snapshot records, for every channel, exactly the transfers sent in
/// the cut and not received in it; *recorded total* — a complete snapshot's balances plus its
/// channel states add up to the money in the system; no deadlock (every run completes the
/// snapshot); *the snapshot completes* on every run fair to every process (liveness).
///
/// **Variants**:
/// - `chandy-lamport` — correct; holds.
/// - `chandy-lamport-no-channel-state` — processes record only their balances, not the money
///   arriving on channels still open: a unit in flight at the cut is lost from the snapshot.
/// - `chandy-lamport-late-markers` — a process sends its markers in a later step than it
///   records, so a transfer sent after recording can overtake the marker and be counted twice.
///
/// **Pinned counts** (SpecsTests): correct, N=3 T=2: 16,092 states, 62,265 transitions,
/// depth 11; N=2 T=3: 323 states. No channel state: consistent cut violated after 9 steps.
/// Late markers: after 3.
public enum ChandyLamport {
    enum Variant { case correct, noChannelState, lateMarkers }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...4, summary: "number of processes"),
        ParameterDecl(name: "T", defaultValue: 2, range: 0...4, summary: "transfers in the whole run"),
    ]

    public static let correct = SpecDefinition(
        name: "chandy-lamport", summary: "Chandy–Lamport snapshot of money transfers over FIFO channels",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let noChannelState = SpecDefinition(
        name: "chandy-lamport-no-channel-state", summary: "Chandy–Lamport snapshot that does not record channel states",
        parameters: parameters, expectation: .violated) { build($0, .noChannelState) }

    public static let lateMarkers = SpecDefinition(
        name: "chandy-lamport-late-markers", summary: "Chandy–Lamport snapshot that sends markers after other messages",
        parameters: parameters, expectation: .violated) { build($0, .lateMarkers) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let maxTransfers = s.parameter("T")
        let procs = s.processes("p", count: n)

        let balance = s.variable("balance", per: procs, in: .range(0...n), initial: 1)
        let transfersLeft = s.global("transfersLeft", in: .range(0...maxTransfers), initial: .constant(maxTransfers))
        let recorded = s.variable("recorded", per: procs, in: .bool, initial: false)
        let recordedBalance = s.variable("recordedBalance", per: procs, in: .range(0...n), initial: 0)
        // recording[i, j] / channel[i, j]: i records its incoming channel j → i.
        let recording = s.variable("recording", per: procs, procs, in: .bool, initial: false)
        let channel = s.variable("channel", per: procs, procs, in: .range(0...maxTransfers), initial: 0)
        let sentInCut = s.variable("sentInCut", per: procs, procs, in: .range(0...maxTransfers), initial: 0, ghost: true)
        let receivedInCut = s.variable("receivedInCut", per: procs, procs, in: .range(0...maxTransfers), initial: 0,
                                       ghost: true)
        let markersDue = variant == .lateMarkers ? s.variable("markersDue", per: procs, in: .bool, initial: false) : nil

        let transfer = s.message("transfer")
        let marker = s.message("marker")
        s.network(.fifo(capacity: maxTransfers + 1))

        func sendMarkers(_ i: Term<ProcessID>) -> Stmt {
            ForEach(procs, except: i) { k in Send(marker, from: i, to: k) }
        }
        /// `i` records its balance and starts recording every incoming channel but `closed`'s.
        func record(_ i: Term<ProcessID>, closed: Term<ProcessID>) -> [Stmt] {
            var steps = [recorded[i] <- true, recordedBalance[i] <- balance[i]]
            steps.append(ForEach(procs, except: i) { k in recording[i, k] <- (k != closed) })
            steps.append(markersDue.map { due in due[i] <- true } ?? sendMarkers(i))
            return steps
        }

        for target in 0..<n {
            let j = procs.process(target)
            s.action("transfer to \(procs.name)\(target)", for: procs) { i in
                Require(i != j)
                Require(balance[i] > 0)
                Require(transfersLeft > 0)
                balance[i] <- balance[i] - 1
                transfersLeft <- transfersLeft - 1
                Send(transfer, from: i, to: j)
                If(!recorded[i]) { sentInCut[i, j] <- sentInCut[i, j] + 1 }
            }
        }

        s.on(transfer, at: procs) { m in
            let i = m.receiver
            let j = m.sender
            balance[i] <- balance[i] + 1
            if variant != .noChannelState {
                If(recording[i, j]) { channel[i, j] <- channel[i, j] + 1 }
            }
            If(!recorded[i]) { receivedInCut[i, j] <- receivedInCut[i, j] + 1 }
        }

        s.action("start snapshot", for: procs) { i in
            Require(!recorded[i])
            record(i, closed: .none)
        }

        s.on(marker, at: procs) { m in
            let i = m.receiver
            If(!recorded[i]) {
                record(i, closed: m.sender)
            } else: {
                recording[i, m.sender] <- false
            }
        }

        if let markersDue {
            s.action("send markers", for: procs) { i in
                Require(markersDue[i])
                markersDue[i] <- false
                sendMarkers(i)
            }
        }

        let complete = ForAll(procs) { i in
            recorded[i] && ForAll(procs, except: i) { j in !recording[i, j] }
        }
        let inChannels = Sum(procs) { i in Sum(procs) { j in channel[i, j] } }
        let recordedTotal = Sum(procs) { i in recordedBalance[i] } + inChannels
        s.check(ConsistentCut(procs, complete: complete,
                              sentInCut: { from, to in sentInCut[from, to] },
                              receivedInCut: { from, to in receivedInCut[to, from] },
                              recordedInChannel: { from, to in channel[to, from] }))
        s.check(Property("recorded total", complete.implies(recordedTotal == .constant(n))))
        s.validEndState(complete)
        s.fair(.weak, processes: procs)
        s.check(Eventually("the snapshot completes", complete))
    }
}
