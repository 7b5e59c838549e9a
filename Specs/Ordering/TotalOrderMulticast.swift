import Kripke

/// # Totally-ordered multicast with Lamport clocks and acknowledgements
///
/// Every process multicasts a message to all the others, and all processes must deliver the
/// messages in one and the same order. Each process keeps a Lamport clock and a queue of
/// received messages ordered by `(timestamp, sender id)`.
/// - To multicast, process `i` advances its clock, stamps the message with it, puts it in its
///   own queue and sends it to every other process.
/// - A process receiving a message sets its clock to `max(clock, timestamp) + 1`, puts the
///   message in its queue and multicasts an ACK of it to every other process.
/// - A process delivers the message at the head of its queue once every other process is known
///   to have it: the message itself counts for its sender, an ACK for anybody else.
/// Channels are FIFO and reliable: a message sent before an ACK arrives before it, so once a
/// message is acknowledged by all, no message with a smaller timestamp can still arrive.
///
/// In this model each of the first `M` processes multicasts one message, so a message is named
/// by its sender: `queue[i, s]` is the timestamp of `s`'s message in `i`'s queue (`0`: not
/// there), `acks[i, s]` the number of processes `i` knows to have it. ACKs carry no timestamp: with one multicast per
/// process only message timestamps order the queues. The ghost variables `position[i, s]` (the
/// place at which `i` delivered `s`'s message, `0`: not yet) and `delivered[i]` record the
/// delivery order for the property.
///
/// **Parameters**: `N` processes (default 3), of which the first `M` multicast (default 2). Every
/// message causes `N − 1` ACKs from each receiver, so interleavings grow fast: `N = M = 3` has
/// 226,045 states. A channel holds at most one message and `N − 1` ACKs: FIFO capacity `N`.
///
/// **Properties**: total order — any two processes that both delivered two messages delivered
/// them in the same order; no deadlock (every run ends with every message delivered everywhere).
///
/// **Variants**:
/// - `total-order-multicast` — correct; holds.
/// - `total-order-multicast-early-delivery` — a process delivers the head of its queue without
///   waiting for all acknowledgements, so a message with a smaller timestamp may still arrive
///   after it: two processes deliver the same two messages in opposite orders.
///
/// **Pinned counts** (SpecsTests): correct, N=3 M=2: 3,161 states, 10,995 transitions, depth 20
/// (2 multicasts, 4 message receipts, 8 ACK receipts, 6 deliveries). Early delivery, N=3 M=2:
/// total order violated after 8 steps.
public enum TotalOrderMulticast {
    enum Variant { case correct, earlyDelivery }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...4, summary: "number of processes"),
        ParameterDecl(name: "M", defaultValue: 2, range: 1...4, summary: "number of processes that multicast"),
    ]

    public static let correct = SpecDefinition(
        name: "total-order-multicast", summary: "Totally-ordered multicast with Lamport clocks and acknowledgements",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let earlyDelivery = SpecDefinition(
        name: "total-order-multicast-early-delivery",
        summary: "Totally-ordered multicast delivering before all acknowledgements arrive",
        parameters: parameters, expectation: .violated) { build($0, .earlyDelivery) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let senders = s.parameter("M")
        s.assume(senders <= n, "M (senders) must not exceed N (processes)")
        let maxClock = n * n
        let procs = s.processes("p", count: n)

        let clock = s.variable("clock", per: procs, in: .range(0...maxClock), initial: 0)
        let sent = s.variable("sent", per: procs, in: .bool, initial: false)
        let queue = s.variable("queue", per: procs, procs, in: .range(0...maxClock), initial: 0)
        let acks = s.variable("acks", per: procs, procs, in: .range(0...(n - 1)), initial: 0)
        let position = s.variable("position", per: procs, procs, in: .range(0...n), initial: 0, ghost: true)
        let delivered = s.variable("delivered", per: procs, in: .range(0...n), initial: 0, ghost: true)

        let ts = Field("ts", .range(0...maxClock))
        let origin = Field("origin", .process(procs))
        let message = s.message("message", ts)
        let ack = s.message("ack", origin)
        s.network(.fifo(capacity: n))

        s.action("multicast", for: procs) { i in
            Require(procs.index(i) < .constant(senders))
            Require(!sent[i])
            sent[i] <- true
            clock[i] <- clock[i] + 1
            queue[i, i] <- clock[i]
            ForEach(procs, except: i) { j in
                Send(message.with(ts, clock[i]), from: i, to: j)
            }
        }

        s.on(message, at: procs) { m in
            let i = m.receiver
            clock[i] <- Max(clock[i], m[ts]) + 1
            queue[i, m.sender] <- m[ts]
            acks[i, m.sender] <- acks[i, m.sender] + 1
            ForEach(procs, except: i) { j in
                Send(ack.with(origin, m.sender), from: i, to: j)
            }
        }

        s.on(ack, at: procs) { m in
            acks[m.receiver, m[origin]] <- acks[m.receiver, m[origin]] + 1
        }

        s.action("deliver", for: procs, choosing: 0...(n - 1)) { i, choice in
            let sender = procs.process(at: choice)
            Require(queue[i, sender] > 0)
            if variant == .correct {
                Require(acks[i, sender] == .constant(n - 1))
            }
            Require(ForAll(procs, except: sender) { t in
                let absent = queue[i, t] == 0
                return absent || Precedes(queue[i, sender], sender, queue[i, t], t)
            })
            queue[i, sender] <- 0
            delivered[i] <- delivered[i] + 1
            position[i, sender] <- delivered[i]
        }

        s.check(TotalOrder(procs, messages: procs) { i, m in position[i, m] })
        s.validEndState(ForAll(procs) { i in delivered[i] == .constant(senders) })
    }
}
