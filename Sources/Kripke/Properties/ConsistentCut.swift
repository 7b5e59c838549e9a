/// The global state recorded by a snapshot is a consistent cut (Chandy–Lamport): every message
/// recorded as received (its receiver got it before recording) was also sent in the cut (its
/// sender sent it before recording), and once the snapshot is `complete`, the state recorded for
/// each channel is exactly the messages sent in the cut and not received in it.
///
/// The three counters are per channel `from → to`: messages `from` sent before it recorded,
/// messages `to` received from `from` before it recorded, and messages recorded as the channel's
/// state.
///
/// ```swift
/// s.check(ConsistentCut(procs, complete: done,
///                       sentInCut: { from, to in sent[from, to] },
///                       receivedInCut: { from, to in received[to, from] },
///                       recordedInChannel: { from, to in channel[to, from] }))
/// ```
public func ConsistentCut(_ role: Role, complete: Term<Bool>,
                          sentInCut: (Term<ProcessID>, Term<ProcessID>) -> Term<Int>,
                          receivedInCut: (Term<ProcessID>, Term<ProcessID>) -> Term<Int>,
                          recordedInChannel: (Term<ProcessID>, Term<ProcessID>) -> Term<Int>) -> Property {
    let condition = ForAll(role) { from in
        ForAll(role, except: from) { to in
            let sent = sentInCut(from, to)
            let received = receivedInCut(from, to)
            let noOrphan = received <= sent
            let channelExact = complete.implies(recordedInChannel(from, to) == sent - received)
            return noOrphan && channelExact
        }
    }
    return Property("consistent cut", condition)
}
