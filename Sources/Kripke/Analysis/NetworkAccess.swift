/// How each transition group uses the network, in the terms `DependencyRelation` needs.
///
/// Channels are numbered `sender × P + receiver`; unordered classes `channel × K + kind`.
/// Resources used *exclusively* conflict with every other use of the same resource; *shared*
/// uses conflict only with exclusive ones:
/// - FIFO: taking the head (delivery, loss) is exclusive per channel, and so is appending.
/// - Unordered: a delivery or a loss takes one message of its class, exclusively; sends commute
///   (a multiset). Duplicating networks never consume: a delivery only reads its class (shared),
///   a send adds to it (shared, idempotent), a loss removes (exclusive).
///
/// ```swift
/// let access = NetworkAccess(ir, groups: groups, footprints: footprints)
/// access.appenders[channel]   // groups that may send on it
/// ```
struct NetworkAccess {
    var changedKinds: [Set<Int>]
    var changers: [[Int32]]
    var counters: [[Int32]]
    /// Per group, the groups whose use of a channel or class conflicts with its own.
    var conflicts: [Set<Int32>] = []
    var appenders: [[Int32]]
    var takers: [[Int32]]
    var source: [Int32]
    var kind: [Int32]

    init(_ ir: SpecIR, groups: [TransitionGroup], footprints: [TransitionFootprint]) {
        let processes = ir.processCount, kinds = max(ir.messages.count, 1)
        let channels = processes * processes
        let fifo = ir.network.semantics == .fifo, duplicating = ir.network.duplicating
        let targets = fifo ? channels : channels * kinds
        let resources = fifo ? 2 * channels : targets
        changedKinds = Array(repeating: [], count: groups.count)
        changers = Array(repeating: [], count: kinds)
        counters = Array(repeating: [], count: kinds)
        var exclusive: [[Int]] = Array(repeating: [], count: groups.count)
        appenders = Array(repeating: [], count: targets)
        takers = Array(repeating: [], count: targets)
        source = Array(repeating: -1, count: groups.count)
        kind = Array(repeating: -1, count: groups.count)
        var shared: [[Int]] = Array(repeating: [], count: groups.count)

        for (g, group) in groups.enumerated() {
            let id = Int32(g)
            for send in footprints[g].sends {
                changedKinds[g].insert(send.kind)
                for sender in 0..<processes {
                    for receiver in 0..<processes where send.mayGo(from: sender, to: receiver) {
                        let channel = sender * processes + receiver
                        let target = fifo ? channel : channel * kinds + send.kind
                        appenders[target].append(id)
                        if fifo { exclusive[g].append(channels + channel) } else if duplicating { shared[g].append(target) }
                    }
                }
            }
            switch group {
            case .local:
                break
            case .delivery(let action, let receiver, let sender):
                guard case .message(let messageKind, _) = ir.actions[action].trigger else { continue }
                let channel = sender * processes + receiver
                let target = fifo ? channel : channel * kinds + messageKind.index
                kind[g] = Int32(messageKind.index)
                source[g] = Int32(target)
                takers[target].append(id)
                if !duplicating { changedKinds[g].insert(messageKind.index) }
                if duplicating { shared[g].append(target) } else { exclusive[g].append(target) }
            case .loss(let sender, let receiver):
                let channel = sender * processes + receiver
                source[g] = Int32(channel)
                changedKinds[g].formUnion(0..<ir.messages.count)
                let classes = fifo ? [channel] : (0..<kinds).map { channel * kinds + $0 }
                for target in classes {
                    takers[target].append(id)
                    exclusive[g].append(target)
                }
            }
            for kind in changedKinds[g] { changers[kind].append(id) }
            for kind in footprints[g].networkReads { counters[kind].append(id) }
        }
        var holders: [[Int32]] = Array(repeating: [], count: resources)
        var users: [[Int32]] = Array(repeating: [], count: resources)
        for g in groups.indices {
            for resource in exclusive[g] { holders[resource].append(Int32(g)); users[resource].append(Int32(g)) }
            for resource in shared[g] { users[resource].append(Int32(g)) }
        }
        conflicts = groups.indices.map { g in
            Set(exclusive[g].flatMap { users[$0] } + shared[g].flatMap { holders[$0] })
        }
    }
}
