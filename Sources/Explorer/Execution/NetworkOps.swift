/// Sending, delivering and enumerating messages in the network slots of an unpacked state.
///
/// FIFO channels keep their messages head first; the unordered bag is kept sorted in
/// descending order (empties last), so equal multisets have equal slots. A duplicating network
/// keeps a set: sending a message already in flight changes nothing.
///
/// ```swift
/// guard NetworkOps.send(code: code, from: i, to: j, in: machine.state, layout: layout) else { /* full */ }
/// ```
enum NetworkOps {
    /// Adds a message; false when the channel (FIFO) or the bag (unordered) is full.
    static func send(code: Int, from sender: Int, to receiver: Int, in state: UnsafeMutablePointer<Int>,
                     layout: StateLayout) -> Bool {
        let capacity = layout.capacity
        switch layout.semantics {
        case .fifo:
            let base = layout.channelBase(sender: sender, receiver: receiver)
            for position in 0..<capacity where state[base + position] == 0 {
                state[base + position] = code + 1
                return true
            }
            return false
        case .unordered:
            let base = layout.networkBase
            let value = layout.bagValue(sender: sender, receiver: receiver, code: code)
            if layout.duplicating {
                for position in 0..<capacity where state[base + position] == value { return true }
            }
            guard capacity > 0, state[base + capacity - 1] == 0 else { return false }
            var position = capacity - 1
            while position > 0 && state[base + position - 1] < value {
                state[base + position] = state[base + position - 1]
                position -= 1
            }
            state[base + position] = value
            return true
        }
    }

    /// Removes the message at `slot` (a FIFO head or a bag entry), closing the gap.
    static func remove(slot: Int, in state: UnsafeMutablePointer<Int>, last: Int) {
        var position = slot
        while position < last {
            state[position] = state[position + 1]
            position += 1
        }
        state[last] = 0
    }

    /// Calls `body(sender, receiver, code)` for every message in flight.
    static func forEachMessage(in state: UnsafePointer<Int>, layout: StateLayout,
                               _ body: (Int, Int, Int) -> Void) {
        let capacity = layout.capacity
        switch layout.semantics {
        case .fifo:
            let processes = layout.processCount
            for sender in 0..<processes {
                for receiver in 0..<processes {
                    let base = layout.channelBase(sender: sender, receiver: receiver)
                    for position in 0..<capacity {
                        let value = state[base + position]
                        if value == 0 { break }
                        body(sender, receiver, value - 1)
                    }
                }
            }
        case .unordered:
            for position in 0..<capacity {
                let value = state[layout.networkBase + position]
                if value == 0 { break }
                let entry = layout.bagEntry(value)
                body(entry.sender, entry.receiver, entry.code)
            }
        }
    }
}
