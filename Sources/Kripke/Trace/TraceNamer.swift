/// The one translation from an engine's raw values to the spec's own names, shared by every
/// engine so their traces cannot drift: variable cells numbered by ``VariableCells`` become
/// (nested) maps keyed by process names or integers, enum cases and process ids their names,
/// messages — codes of ``MessageNumbering`` between two processes — records and delivered
/// messages, the network its messages in one canonical order, and action instances trace steps.
///
/// ```swift
/// let namer = TraceNamer(ir)
/// let state = namer.state(RawFrame(cells: slots, network: .unordered([RawMessage(sender: 0, receiver: 1, code: 3)])))
/// print(state["phase"]!)   // [p0: idle, p1: waiting]
/// ```
public struct TraceNamer: Sendable {
    /// The fields a message in flight shows before its own: its kind, sender and receiver.
    public static let messageRecordFields = ["kind", "from", "to"]
    /// Field names a message may not have: the record's own, and the names ITF files give the
    /// sender and receiver (a payload field of one of these names would collide with them).
    public static let reservedFieldNames = messageRecordFields + ["sender", "receiver"]

    public let ir: SpecIR
    public let cells: VariableCells
    public let numbering: MessageNumbering

    public init(_ ir: SpecIR) {
        self.ir = ir
        cells = VariableCells(ir)
        numbering = MessageNumbering(ir)
    }

    /// The display value of a raw value in `domain`.
    public func value(_ raw: Int, in domain: ValueDomain) -> Value {
        switch domain {
        case .bool: .bool(raw != 0)
        case .range: .int(raw)
        case .enumeration(_, let cases): .name(raw >= 0 && raw < cases.count ? cases[raw] : "?\(raw)")
        case .process: .name(raw == ProcessID.noneValue ? "none" : ir.processName(raw))
        }
    }

    /// A state: every variable from its cells, and the network.
    public func state(_ frame: RawFrame) -> TraceState {
        var values: [String: Value] = [:]
        for (index, variable) in ir.variables.enumerated() {
            values[variable.name] = array({ frame.cells[$0] }, base: cells.bases[index], dimensions: cells.dimensions[index][...],
                                          indices: variable.indices[...], domain: variable.domain)
        }
        for sequence in ir.sequences {   // its items up to its length, as one sequence
            let length = ir.variables[sequence.length.index]
            let count = frame.cells[cells.bases[sequence.length.index]]
            values[length.name] = nil
            let items = ir.variables[sequence.items.index], base = cells.bases[sequence.items.index]
            values[items.name] = .sequence((0..<max(count, 0)).map { value(frame.cells[base + $0], in: items.domain) })
        }
        values[TraceState.networkKey] = network(frame.network)
        return TraceState(values: values)
    }

    /// The variables a trace shows, in declaration order: a sequence's length is part of its value.
    public var shownVariables: [String] {
        let lengths = Set(ir.sequences.map(\.length.index))
        return ir.variables.indices.filter { !lengths.contains($0) }.map { ir.variables[$0].name } + [TraceState.networkKey]
    }

    /// The trace through `frames` (named) by `steps` (`steps[k]` leads from `frames[k]`); it keeps the frames.
    public func trace(frames: [RawFrame], steps: [TraceStep]) -> Trace {
        Trace(spec: ir.name, parameters: ir.parameters, variables: shownVariables,
              ghosts: Set(ir.variables.filter(\.isGhost).map(\.name)), states: frames.map(state), steps: steps,
              frames: frames)
    }

    /// The message with code `code` from `sender` to `receiver`, named.
    public func message(sender: Int, receiver: Int, code: Int) -> DeliveredMessage {
        let (kind, raw) = numbering.decode(code)
        let fields = zip(ir.messages[kind].fields, raw).map { Value.RecordField(name: $0.name, value: value($1, in: $0.domain)) }
        return DeliveredMessage(kind: ir.messages[kind].name, sender: ir.processName(sender),
                                receiver: ir.processName(receiver), fields: fields)
    }

    /// The step of `action` taken by `process`, delivering the message `delivered` (its sender and
    /// code) for a handler, choosing the values of the choice code `choice` (`ChoiceEncoding`) for
    /// an action with parameters.
    public func step(action: Int, process: Int, delivered: (sender: Int, code: Int)? = nil, choice: Int? = nil,
                     sent: [RawMessage] = []) -> TraceStep {
        let declaration = ir.actions[action]
        return TraceStep(action: declaration.name, process: ir.processName(process),
                         message: delivered.map { message(sender: $0.sender, receiver: process, code: $0.code) },
                         choices: choice.map { declaration.chosenValues($0, roles: ir.roles).map(\.1) } ?? [],
                         sent: sent.map { message(sender: $0.sender, receiver: $0.receiver, code: $0.code) })
    }

    /// The network's step that loses a message in flight.
    public func loss(sender: Int, receiver: Int, code: Int) -> TraceStep {
        let lost = message(sender: sender, receiver: receiver, code: code)
        return TraceStep(action: "lose \(lost.kind)", process: TraceStep.networkProcess, message: lost, choices: [])
    }

    private func array(_ cell: (Int) -> Int, base: Int, dimensions: ArraySlice<(lower: Int, count: Int, stride: Int)>,
                       indices: ArraySlice<IterationDomain>, domain: ValueDomain) -> Value {
        guard let first = dimensions.first, let index = indices.first else { return value(cell(base), in: domain) }
        return .map((0..<first.count).map { offset in
            let raw = first.lower + offset
            let key: Value = if case .role = index { .name(ir.processName(raw)) } else { .int(raw) }
            return Value.MapEntry(key: key, value: array(cell, base: base + offset * first.stride,
                                                         dimensions: dimensions.dropFirst(), indices: indices.dropFirst(),
                                                         domain: domain))
        })
    }

    /// A message in flight as the network value shows it: a record of its kind, sender, receiver and fields.
    private func record(sender: Int, receiver: Int, code: Int) -> Value {
        let named = message(sender: sender, receiver: receiver, code: code)
        let header = zip(Self.messageRecordFields, [named.kind, named.sender, named.receiver])
        return .record(header.map { Value.RecordField(name: $0, value: .name($1)) } + named.fields)
    }

    /// Unordered: the messages in flight, in the frame's canonical order; FIFO: a map from channel
    /// `p0->p1` to its queue.
    private func network(_ network: RawNetwork) -> Value {
        switch network {
        case .unordered(let messages):
            return .sequence(messages.map { record(sender: $0.sender, receiver: $0.receiver, code: $0.code) })
        case .fifo(let channels):
            return .map(channels.map { channel in
                let name = "\(ir.processName(channel.sender))->\(ir.processName(channel.receiver))"
                let queue = channel.codes.map { record(sender: channel.sender, receiver: channel.receiver, code: $0) }
                return Value.MapEntry(key: .name(name), value: .sequence(queue))
            })
        }
    }
}
