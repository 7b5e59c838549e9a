import Kripke

/// Where each variable and each network slot lives in an unpacked state (an array of `Int`s),
/// and each slot's value range, from which the packer derives bit widths.
///
/// Variables come first, in declaration order, each as a row-major array over its index domains.
/// Then the network: for FIFO, `capacity` slots per ordered pair of processes (head first);
/// for unordered, `capacity` slots holding the bag sorted in descending order (empties last).
///
/// ```swift
/// let layout = StateLayout(ir)
/// let slot = layout.variableBase[0] + 2      // phase[p2]
/// ```
struct StateLayout: Sendable {
    let variableBase: [Int]
    /// Per variable and dimension: (lowest index value, number of values, stride).
    let variableDimensions: [[(lower: Int, count: Int, stride: Int)]]
    let variableLower: [Int]
    let variableUpper: [Int]
    let networkBase: Int
    let processCount: Int
    let capacity: Int
    let semantics: NetworkDecl.Semantics
    let lossy: Bool
    let duplicating: Bool
    let codec: MessageNumbering
    /// The same numbering in flat buffers, for decoding on every step.
    let messages: MessageDecoder
    /// Inclusive value range per slot.
    let slotLower: [Int]
    let slotUpper: [Int]

    var slotCount: Int { slotLower.count }

    init(_ ir: SpecIR) {
        // The variable part is the engine-neutral cell numbering: a cell number is a slot number.
        let cells = VariableCells(ir)
        var lower: [Int] = []
        var upper: [Int] = []
        var slotLower: [Int] = []
        var slotUpper: [Int] = []
        for (index, variable) in ir.variables.enumerated() {
            let low = variable.domain.lowerBound(roles: ir.roles)
            let high = variable.domain.upperBound(roles: ir.roles)
            let count = cells.cellCount(of: index)
            lower.append(low)
            upper.append(high)
            slotLower.append(contentsOf: repeatElement(low, count: count))
            slotUpper.append(contentsOf: repeatElement(high, count: count))
        }
        variableBase = cells.bases
        variableDimensions = cells.dimensions
        variableLower = lower
        variableUpper = upper
        networkBase = slotLower.count
        processCount = ir.processCount
        capacity = ir.network.capacity
        semantics = ir.network.semantics
        lossy = ir.network.lossy
        duplicating = ir.network.duplicating
        codec = MessageNumbering(ir)
        messages = MessageDecoder(codec)
        let networkSlots: Int
        let networkUpper: Int
        switch ir.network.semantics {
        case .fifo:
            networkSlots = processCount * processCount * capacity
            networkUpper = codec.messageCount
        case .unordered:
            networkSlots = capacity
            networkUpper = processCount * processCount * codec.messageCount
        }
        slotLower.append(contentsOf: repeatElement(0, count: networkSlots))
        slotUpper.append(contentsOf: repeatElement(networkUpper, count: networkSlots))
        self.slotLower = slotLower
        self.slotUpper = slotUpper
    }

    /// First slot of the FIFO channel `sender → receiver`.
    func channelBase(sender: Int, receiver: Int) -> Int {
        networkBase + (sender * processCount + receiver) * capacity
    }

    /// Slot value of a message in the unordered bag.
    func bagValue(sender: Int, receiver: Int, code: Int) -> Int {
        1 + (sender * processCount + receiver) * codec.messageCount + code
    }

    /// Sender, receiver and message code of a bag slot value (which must be non-zero).
    func bagEntry(_ value: Int) -> (sender: Int, receiver: Int, code: Int) {
        let pair = (value - 1) / codec.messageCount
        return (pair / processCount, pair % processCount, (value - 1) % codec.messageCount)
    }
}
