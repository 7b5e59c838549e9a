import Kripke

/// Turns an unpacked state into the spec's own names and values: per-process arrays become maps
/// keyed by process name, enum values their case names, network slots message records.
///
/// ```swift
/// let state = StateDecoder(system: system).decode(system.initialState)
/// print(state["phase"]!)   // [p0: idle, p1: idle, p2: idle]
/// ```
struct StateDecoder {
    let system: TransitionSystem

    func decode(_ state: [Int]) -> TraceState {
        let ir = system.ir
        let layout = system.layout
        var values: [String: Value] = [:]
        for (index, variable) in ir.variables.enumerated() {
            values[variable.name] = decodeArray(state, base: layout.variableBase[index],
                                                dimensions: Array(layout.variableDimensions[index]),
                                                indices: variable.indices, domain: variable.domain)
        }
        values["network"] = decodeNetwork(state)
        return TraceState(values: values)
    }

    private func decodeArray(_ state: [Int], base: Int, dimensions: [(lower: Int, count: Int, stride: Int)],
                             indices: [IterationDomain], domain: ValueDomain) -> Value {
        guard let first = dimensions.first, let firstIndex = indices.first else {
            return value(state[base], in: domain)
        }
        var entries: [Value.MapEntry] = []
        for offset in 0..<first.count {
            let key = indexValue(first.lower + offset, firstIndex)
            let inner = decodeArray(state, base: base + offset * first.stride, dimensions: Array(dimensions.dropFirst()),
                                    indices: Array(indices.dropFirst()), domain: domain)
            entries.append(Value.MapEntry(key: key, value: inner))
        }
        return .map(entries)
    }

    private func indexValue(_ raw: Int, _ domain: IterationDomain) -> Value {
        switch domain {
        case .role: return .name(system.ir.processName(raw))
        case .range: return .int(raw)
        }
    }

    /// The display value of a raw slot value in `domain`.
    func value(_ raw: Int, in domain: ValueDomain) -> Value {
        switch domain {
        case .bool: return .bool(raw != 0)
        case .range: return .int(raw)
        case .enumeration(_, let cases): return .name(raw >= 0 && raw < cases.count ? cases[raw] : "?\(raw)")
        case .process: return .name(raw == ProcessID.noneValue ? "none" : system.ir.processName(raw))
        }
    }

    /// The named fields of a message code.
    func fields(ofCode code: Int) -> [Value.RecordField] {
        let codec = system.layout.codec
        let buffer = UnsafeMutablePointer<Int>.allocate(capacity: max(codec.maxFieldCount, 1))
        defer { buffer.deallocate() }
        let kind = codec.decode(code, into: buffer)
        return system.ir.messages[kind].fields.enumerated().map { position, field in
            Value.RecordField(name: field.name, value: value(buffer[position], in: field.domain))
        }
    }

    private func record(sender: Int, receiver: Int, code: Int) -> Value {
        let ir = system.ir
        let kind = system.layout.codec.kind(of: code)
        return .record([
            Value.RecordField(name: "kind", value: .name(ir.messages[kind].name)),
            Value.RecordField(name: "from", value: .name(ir.processName(sender))),
            Value.RecordField(name: "to", value: .name(ir.processName(receiver))),
        ] + fields(ofCode: code))
    }

    /// FIFO: a map from channel `p0->p1` to its queue (non-empty channels only);
    /// unordered: the messages in flight in ascending canonical order.
    private func decodeNetwork(_ state: [Int]) -> Value {
        let layout = system.layout
        var messages: [(Int, Int, Int)] = []
        state.withUnsafeBufferPointer { buffer in
            NetworkOps.forEachMessage(in: buffer.baseAddress!, layout: layout) { messages.append(($0, $1, $2)) }
        }
        switch layout.semantics {
        case .unordered:
            return .sequence(messages.reversed().map { record(sender: $0.0, receiver: $0.1, code: $0.2) })
        case .fifo:
            var channels: [Value.MapEntry] = []
            var index = 0
            while index < messages.count {
                let (sender, receiver, _) = messages[index]
                var queue: [Value] = []
                while index < messages.count && messages[index].0 == sender && messages[index].1 == receiver {
                    queue.append(record(sender: sender, receiver: receiver, code: messages[index].2))
                    index += 1
                }
                let name = "\(system.ir.processName(sender))->\(system.ir.processName(receiver))"
                channels.append(Value.MapEntry(key: .name(name), value: .sequence(queue)))
            }
            return .map(channels)
        }
    }
}
