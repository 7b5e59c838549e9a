import Kripke

/// Where each state slot lives in a frame: the variables row-major over their index domains (the
/// explorer's order), then the network — one counter per message that can be in flight
/// (unordered) or one bounded queue per channel that can carry messages (FIFO).
///
/// ```swift
/// let layout = SymbolicLayout(ir, keys: keys)
/// let slot = layout.variableBase[0] + 2      // phase[p2]
/// ```
struct SymbolicLayout {
    struct Dimension {
        let lower: Int
        let count: Int
        let stride: Int
    }

    let variableBase: [Int]
    let dimensions: [[Dimension]]
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
        var bases: [Int] = []
        var dimensions: [[Dimension]] = []
        var owners: [Int] = []
        for (index, variable) in ir.variables.enumerated() {
            bases.append(owners.count)
            var stride = 1
            var dims: [Dimension] = []
            for domain in variable.indices.reversed() {
                let values = domain.values(roles: ir.roles)
                dims.insert(Dimension(lower: values.lowerBound, count: values.count, stride: stride), at: 0)
                stride *= values.count
            }
            dimensions.append(dims)
            owners.append(contentsOf: repeatElement(index, count: stride))
        }
        variableBase = bases
        self.dimensions = dimensions
        slotVariable = owners
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
