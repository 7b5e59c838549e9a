import Kripke
import SMT

/// Reads a run out of a Z3 model and names it with the engines' shared ``TraceNamer``: the frame's
/// slots are the cells ``VariableCells`` numbers, the network's counters and queues the messages
/// they count, and each step the action instance the selector chose.
///
/// ```swift
/// let trace = try CounterexampleDecoder(encoder: encoder, model: model).trace(frames: frames, selectors: selectors)
/// ```
struct CounterexampleDecoder {
    let encoder: SpecEncoder
    let model: Model
    let namer: TraceNamer

    init(encoder: SpecEncoder, model: Model) {
        self.encoder = encoder
        self.model = model
        namer = TraceNamer(encoder.ir)
    }

    private var layout: SymbolicLayout { encoder.layout }

    func trace(frames: [Frame], selectors: [Term]) throws -> Trace {
        var raw: [RawFrame] = []
        var steps: [TraceStep] = []
        for (index, frame) in frames.enumerated() {
            let values = try FrameValues(frame: frame, model: model)
            raw.append(RawFrame(cells: values.slots, network: network(values)))
            if index < selectors.count {
                steps.append(step(encoder.instances[try model.int(selectors[index])], values))
            }
        }
        return namer.trace(frames: raw, steps: steps)
    }

    /// The concrete values of one frame.
    struct FrameValues {
        let slots: [Int]
        let counters: [Int]
        let queues: [[Int]]

        init(frame: Frame, model: Model) throws {
            slots = try frame.slots.map(model.int)
            counters = try frame.counters.map(model.int)
            queues = try frame.queues.map { try $0.map(model.int) }
        }
    }

    private func network(_ values: FrameValues) -> RawNetwork {
        switch layout.semantics {
        case .unordered:
            return .unordered(zip(layout.keys, values.counters).flatMap { key, count in
                repeatElement(RawMessage(sender: key.sender, receiver: key.receiver, code: key.code), count: max(count, 0))
            })
        case .fifo:   // queue entries are code + 1, 0 past the tail
            return .fifo(layout.channels.enumerated().compactMap { channel, pair in
                let codes = values.queues[channel].prefix { $0 != 0 }.map { $0 - 1 }
                return codes.isEmpty ? nil : RawChannel(sender: pair.sender, receiver: pair.receiver, codes: codes)
            })
        }
    }

    private func step(_ instance: SymbolicInstance, _ before: FrameValues) -> TraceStep {
        switch instance.kind {
        case .local(let choice):
            return namer.step(action: instance.action!, process: instance.process, choice: choice)
        case .delivery(let key):
            return namer.step(action: instance.action!, process: instance.process, delivered: (key.sender, key.code))
        case .loss(let key):
            return namer.loss(sender: key.sender, receiver: key.receiver, code: key.code)
        case .fifoLoss(let channel, let position):
            let pair = layout.channels[channel]
            return namer.loss(sender: pair.sender, receiver: pair.receiver, code: before.queues[channel][position] - 1)
        }
    }
}
