import Kripke

/// Turns an unpacked state into the spec's own names and values through the engines' shared
/// ``TraceNamer``: the variable part of a state is numbered as ``VariableCells`` numbers cells, and
/// the network slots are read back as the messages they hold.
///
/// ```swift
/// let state = StateDecoder(system: system).decode(system.initialState)
/// print(state["phase"]!)   // [p0: idle, p1: idle, p2: idle]
/// ```
struct StateDecoder {
    let system: TransitionSystem
    let namer: TraceNamer

    init(system: TransitionSystem) {
        self.system = system
        namer = TraceNamer(system.ir)
    }

    func decode(_ state: [Int]) -> TraceState {
        var messages: [(sender: Int, receiver: Int, code: Int)] = []
        state.withUnsafeBufferPointer { buffer in
            NetworkOps.forEachMessage(in: buffer.baseAddress!, layout: system.layout) { messages.append(($0, $1, $2)) }
        }
        let network: TraceNamer.RawNetwork
        switch system.layout.semantics {
        case .unordered:
            network = .unordered(messages)
        case .fifo:   // forEachMessage visits each channel's queue head first, channel after channel
            var channels: [(sender: Int, receiver: Int, codes: [Int])] = []
            for message in messages {
                if let last = channels.last, last.sender == message.sender, last.receiver == message.receiver {
                    channels[channels.count - 1].codes.append(message.code)
                } else {
                    channels.append((message.sender, message.receiver, [message.code]))
                }
            }
            network = .fifo(channels)
        }
        return namer.state(cells: { state[$0] }, network: network)
    }
}
