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
        namer.state(frame(state))
    }

    /// The raw frame of an unpacked state: its variable slots are the cells, its network slots
    /// the messages they hold.
    func frame(_ state: [Int]) -> RawFrame {
        state.withUnsafeBufferPointer { frame($0.baseAddress!) }
    }

    func frame(_ state: UnsafePointer<Int>) -> RawFrame {
        var messages: [RawMessage] = []
        NetworkOps.forEachMessage(in: state, layout: system.layout) {
            messages.append(RawMessage(sender: $0, receiver: $1, code: $2))
        }
        let cells = Array(UnsafeBufferPointer(start: state, count: namer.cells.count))
        switch system.layout.semantics {
        case .unordered:
            return RawFrame(cells: cells, network: .unordered(messages))
        case .fifo:   // forEachMessage visits each channel's queue head first, channel after channel
            var channels: [RawChannel] = []
            for message in messages {
                if let last = channels.last, last.sender == message.sender, last.receiver == message.receiver {
                    channels[channels.count - 1] = RawChannel(sender: last.sender, receiver: last.receiver,
                                                              codes: last.codes + [message.code])
                } else {
                    channels.append(RawChannel(sender: message.sender, receiver: message.receiver, codes: [message.code]))
                }
            }
            return RawFrame(cells: cells, network: .fifo(channels))
        }
    }
}
