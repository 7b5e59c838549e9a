import Kripke
import SMT

/// The Z3 constants of one state of a run (time frame `index`): one integer per variable slot,
/// and the network — one counter per message key (unordered) or, per FIFO channel, a length and
/// `capacity` entries holding `code + 1` (0 = empty), head first, as in the explorer.
///
/// ```swift
/// let frame = try Frame(index: 3, layout: layout, ir: ir, context: ctx)
/// frame.slots[layout.variableBase[0]]   // phase[p0]@3
/// ```
struct Frame {
    let index: Int
    let slots: [Term]
    let counters: [Term]
    /// Unordered networks: the number of messages in flight (the counters' sum, see `SpecEncoder.domains`).
    let total: Term?
    let lengths: [Term]
    let queues: [[Term]]

    init(index: Int, name: String = "", layout: SymbolicLayout, ir: SpecIR, context: Context) throws {
        self.index = index
        let suffix = "@\(name)\(index)"
        slots = try (0..<layout.slotCount).map { slot in
            let indices = layout.indexValues(ofSlot: slot).map(String.init).joined(separator: ",")
            let variable = ir.variables[layout.slotVariable[slot]].name
            return try context.intConst(indices.isEmpty ? "\(variable)\(suffix)" : "\(variable)[\(indices)]\(suffix)")
        }
        switch layout.semantics {
        case .unordered:
            counters = try layout.keys.map { key in
                try context.intConst("net[\(key.sender)->\(key.receiver):\(key.code)]\(suffix)")
            }
            total = try context.intConst("inFlight\(suffix)")
            lengths = []
            queues = []
        case .fifo:
            counters = []
            total = nil
            lengths = try layout.channels.map { try context.intConst("len[\($0.sender)->\($0.receiver)]\(suffix)") }
            queues = try layout.channels.map { channel in
                try (0..<layout.capacity).map { try context.intConst("queue[\(channel.sender)->\(channel.receiver)#\($0)]\(suffix)") }
            }
        }
    }

    /// Every term of the frame in a fixed order (slots, counters, lengths, queue entries), for
    /// frame equalities such as the simple-path constraint.
    var allTerms: [Term] { slots + counters + lengths + queues.flatMap { $0 } }
}
