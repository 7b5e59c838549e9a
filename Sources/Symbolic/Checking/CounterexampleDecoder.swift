import Kripke
import SMT

/// Reads a run out of a Z3 model and names it as the explorer does: variables as (nested) maps
/// keyed by process names or integers, enum cases and process names as names, the unordered
/// network as its messages in ascending canonical order, FIFO channels as `p0->p1` queues, and
/// each step as the action instance the selector chose.
///
/// ```swift
/// let trace = try CounterexampleDecoder(encoder: encoder, model: model).trace(frames: frames, selectors: selectors)
/// ```
struct CounterexampleDecoder {
    let encoder: SpecEncoder
    let model: Model

    private var ir: SpecIR { encoder.ir }
    private var layout: SymbolicLayout { encoder.layout }

    func trace(frames: [Frame], selectors: [Term]) throws -> Trace {
        var states: [TraceState] = []
        var steps: [TraceStep] = []
        for (index, frame) in frames.enumerated() {
            let values = try FrameValues(frame: frame, model: model)
            states.append(state(values))
            if index < selectors.count {
                steps.append(step(encoder.instances[try model.int(selectors[index])], values))
            }
        }
        return Trace(spec: ir.name, parameters: ir.parameters, variables: ir.variables.map(\.name) + ["network"],
                     ghosts: Set(ir.variables.filter(\.isGhost).map(\.name)), states: states, steps: steps)
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

    private func state(_ values: FrameValues) -> TraceState {
        var named: [String: Value] = [:]
        for (index, variable) in ir.variables.enumerated() {
            named[variable.name] = array(values.slots, base: layout.variableBase[index],
                                         dimensions: layout.dimensions[index][...], indices: variable.indices[...],
                                         domain: variable.domain)
        }
        named["network"] = network(values)
        return TraceState(values: named)
    }

    private func array(_ slots: [Int], base: Int, dimensions: ArraySlice<SymbolicLayout.Dimension>,
                       indices: ArraySlice<IterationDomain>, domain: ValueDomain) -> Value {
        guard let first = dimensions.first, let index = indices.first else { return value(slots[base], in: domain) }
        return .map((0..<first.count).map { offset in
            let raw = first.lower + offset
            let key: Value = if case .role = index { .name(ir.processName(raw)) } else { .int(raw) }
            return Value.MapEntry(key: key, value: array(slots, base: base + offset * first.stride,
                                                         dimensions: dimensions.dropFirst(),
                                                         indices: indices.dropFirst(), domain: domain))
        })
    }

    private func value(_ raw: Int, in domain: ValueDomain) -> Value {
        switch domain {
        case .bool: return .bool(raw != 0)
        case .range: return .int(raw)
        case .enumeration(_, let cases): return .name(raw >= 0 && raw < cases.count ? cases[raw] : "?\(raw)")
        case .process: return .name(raw == ProcessID.noneValue ? "none" : ir.processName(raw))
        }
    }

    private func fields(_ code: Int) -> [Value.RecordField] {
        let (kind, values) = encoder.catalog.decode(code)
        return zip(ir.messages[kind].fields, values).map { Value.RecordField(name: $0.name, value: value($1, in: $0.domain)) }
    }

    private func record(_ key: MessageKey) -> Value {
        let kind = encoder.catalog.kind(of: key.code)
        return .record([
            Value.RecordField(name: "kind", value: .name(ir.messages[kind].name)),
            Value.RecordField(name: "from", value: .name(ir.processName(key.sender))),
            Value.RecordField(name: "to", value: .name(ir.processName(key.receiver))),
        ] + fields(key.code))
    }

    private func network(_ values: FrameValues) -> Value {
        switch layout.semantics {
        case .unordered:   // keys are sorted as the explorer's bag values, 1 + (sender·P + receiver)·M + code
            return .sequence(zip(layout.keys, values.counters).flatMap { key, count in
                repeatElement(record(key), count: max(count, 0))
            })
        case .fifo:
            var channels: [Value.MapEntry] = []
            for (channel, pair) in layout.channels.enumerated() {
                let queue = values.queues[channel].prefix { $0 != 0 }.map {
                    record(MessageKey(sender: pair.sender, receiver: pair.receiver, code: $0 - 1))
                }
                guard !queue.isEmpty else { continue }
                let name = "\(ir.processName(pair.sender))->\(ir.processName(pair.receiver))"
                channels.append(Value.MapEntry(key: .name(name), value: .sequence(queue)))
            }
            return .map(channels)
        }
    }

    private func message(_ key: MessageKey) -> DeliveredMessage {
        DeliveredMessage(kind: ir.messages[encoder.catalog.kind(of: key.code)].name, sender: ir.processName(key.sender),
                         receiver: ir.processName(key.receiver), fields: fields(key.code))
    }

    private func step(_ instance: SymbolicInstance, _ before: FrameValues) -> TraceStep {
        switch instance.kind {
        case .local(let choice):
            let action = ir.actions[instance.action!]
            return TraceStep(action: action.name, process: ir.processName(instance.process), message: nil,
                             choices: action.parameters.isEmpty ? [] : [choice])
        case .delivery(let key):
            return TraceStep(action: ir.actions[instance.action!].name, process: ir.processName(instance.process),
                             message: message(key), choices: [])
        case .loss(let key):
            return loss(message(key))
        case .fifoLoss(let channel, let position):
            let pair = layout.channels[channel]
            let code = before.queues[channel][position] - 1
            return loss(message(MessageKey(sender: pair.sender, receiver: pair.receiver, code: code)))
        }
    }

    private func loss(_ lost: DeliveredMessage) -> TraceStep {
        TraceStep(action: "lose \(lost.kind)", process: TraceStep.networkProcess, message: lost, choices: [])
    }
}
