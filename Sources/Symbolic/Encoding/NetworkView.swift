import Kripke
import SMT

/// The network while a step is encoded: counters (unordered) or queues (FIFO) as `SymValue`s,
/// updated in statement order. A send into a full network is an overflow, which disables the
/// step as in the explorer.
///
/// ```swift
/// var network = NetworkView(frame)
/// let overflow = try network.send([(key, .true)], pc: pc, layout: layout, algebra: algebra, duplicating: false)
/// ```
struct NetworkView {
    var counters: [SymValue]
    /// Unordered: messages in flight, kept in step with the counters so a send need not sum them.
    var total: SymValue
    var lengths: [SymValue]
    var queues: [[SymValue]]

    init(_ frame: Frame) {
        counters = frame.counters.map(SymValue.integer)
        total = frame.total.map(SymValue.integer) ?? .constant(0)
        lengths = frame.lengths.map(SymValue.integer)
        queues = frame.queues.map { $0.map(SymValue.integer) }
    }

    /// Adds the message of whichever candidate holds (the candidates exclude each other) under
    /// `pc`; returns the condition (within `pc`) under which the network is full, i.e. overflows.
    /// Candidates whose key is not in the layout are returned in `unknown` and not added.
    mutating func send(_ candidates: [(key: MessageKey, when: SymValue)], pc: SymValue, layout: SymbolicLayout,
                       algebra: Algebra, duplicating: Bool, unknown: inout Set<MessageKey>) throws -> SymValue {
        let capacity = layout.capacity
        switch layout.semantics {
        case .unordered:
            var adds = pc
            if duplicating {
                var present: [SymValue] = []
                for (key, when) in candidates {
                    guard let index = layout.keyIndex[key] else { continue }
                    present.append(try algebra.and([when, algebra.binary(.ge, counters[index], .constant(1))]))
                }
                adds = try algebra.and([pc, algebra.not(algebra.or(present))])
            }
            let full = try algebra.and([adds, algebra.binary(.ge, total, .constant(capacity))])
            total = try algebra.ite(adds, algebra.sum([total, .constant(1)]), total)
            for (key, when) in candidates {
                guard let index = layout.keyIndex[key] else { unknown.insert(key); continue }
                let added = duplicating ? .constant(1) : try algebra.sum([counters[index], .constant(1)])
                counters[index] = try algebra.ite(algebra.and([pc, when]), added, counters[index])
            }
            return full
        case .fifo:
            var overflows: [SymValue] = []
            for (key, when) in candidates {
                guard let channel = layout.channels.firstIndex(of: .init(sender: key.sender, receiver: key.receiver)),
                      layout.keyIndex[key] != nil else { unknown.insert(key); continue }
                let length = lengths[channel]
                let sends = try algebra.and([pc, when])
                overflows.append(try algebra.and([when, algebra.binary(.ge, length, .constant(capacity))]))
                for position in 0..<capacity {
                    let here = try algebra.and([sends, algebra.binary(.eq, length, .constant(position))])
                    queues[channel][position] = try algebra.ite(here, .constant(key.code + 1), queues[channel][position])
                }
                lengths[channel] = try algebra.ite(sends, algebra.sum([length, .constant(1)]), length)
            }
            return try algebra.and([pc, algebra.or(overflows)])
        }
    }

    /// Whether the message `key` can be delivered: in flight (unordered) or at its channel's head (FIFO).
    func deliverable(_ key: MessageKey, layout: SymbolicLayout, algebra: Algebra) throws -> SymValue {
        switch layout.semantics {
        case .unordered:
            return try algebra.binary(.ge, counters[layout.keyIndex[key]!], .constant(1))
        case .fifo:
            let channel = layout.channels.firstIndex(of: .init(sender: key.sender, receiver: key.receiver))!
            guard layout.capacity > 0 else { return .false }
            return try algebra.binary(.eq, queues[channel][0], .constant(key.code + 1))
        }
    }

    /// Takes the delivered (or lost) message `key` out: one copy from the unordered network, or
    /// the head of its FIFO channel.
    mutating func remove(_ key: MessageKey, layout: SymbolicLayout, algebra: Algebra) throws {
        switch layout.semantics {
        case .unordered:
            let index = layout.keyIndex[key]!
            counters[index] = try algebra.binary(.subtract, counters[index], .constant(1))
            total = try algebra.binary(.subtract, total, .constant(1))
        case .fifo:
            let channel = layout.channels.firstIndex(of: .init(sender: key.sender, receiver: key.receiver))!
            try remove(channel: channel, position: 0, algebra: algebra)
        }
    }

    /// Removes the entry at `position` of a FIFO channel, closing the gap as the explorer does.
    mutating func remove(channel: Int, position: Int, algebra: Algebra) throws {
        var queue = queues[channel]
        for index in position..<queue.count {
            queue[index] = index + 1 < queue.count ? queue[index + 1] : .constant(0)
        }
        queues[channel] = queue
        lengths[channel] = try algebra.binary(.subtract, lengths[channel], .constant(1))
    }
}
