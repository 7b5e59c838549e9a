import Kripke

/// Where each state slot lives in a frame: the variables as ``VariableCells`` numbers them (the
/// explorer's order too), then the network — one counter per message that can be in flight
/// (unordered) or one bounded queue per channel that can carry messages (FIFO).
///
/// ```swift
/// let layout = SymbolicLayout(ir, keys: keys)
/// let slot = layout.variableBase[0] + 2      // phase[p2]
/// ```
struct SymbolicLayout {
    let variableBase: [Int]
    /// Per variable and dimension: lowest index value, number of values, stride.
    let dimensions: [[(lower: Int, count: Int, stride: Int)]]
    /// Owning variable of each slot.
    let slotVariable: [Int]
    let processCount: Int
    let capacity: Int
    let semantics: NetworkDecl.Semantics
    /// Messages that some step can send, sorted; the unordered network keeps one counter each.
    let keys: [MessageKey]
    let keyIndex: [MessageKey: Int]
    /// Ordered pairs (sender, receiver) with a FIFO queue, sorted.
    let channels: [Channel]

    struct Channel: Hashable, Comparable {
        let sender: Int
        let receiver: Int
        static func < (a: Channel, b: Channel) -> Bool { (a.sender, a.receiver) < (b.sender, b.receiver) }
    }

    init(_ ir: SpecIR, keys: Set<MessageKey>) {
        // The variable part is the engines' shared cell numbering (the explorer's slots too).
        let cells = VariableCells(ir)
        variableBase = cells.bases
        dimensions = cells.dimensions
        slotVariable = ir.variables.indices.flatMap { repeatElement($0, count: cells.cellCount(of: $0)) }
        processCount = ir.processCount
        capacity = ir.network.capacity
        semantics = ir.network.semantics
        self.keys = keys.sorted()
        keyIndex = Dictionary(uniqueKeysWithValues: self.keys.enumerated().map { ($1, $0) })
        channels = Set(keys.map { Channel(sender: $0.sender, receiver: $0.receiver) }).sorted()
    }

    var slotCount: Int { slotVariable.count }

    /// The index values of a slot within its variable, one per dimension.
    func indexValues(ofSlot slot: Int) -> [Int] {
        let offset = slot - variableBase[slotVariable[slot]]
        return dimensions[slotVariable[slot]].map { $0.lower + (offset / $0.stride) % $0.count }
    }
}
