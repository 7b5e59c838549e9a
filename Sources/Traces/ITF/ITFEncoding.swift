import Kripke

/// Writes and reads traces in the Informal Trace Format (ITF) that Apalache and Quint use:
/// integers as `{"#bigint": "3"}`, maps as `{"#map": [[key, value], …]}`, records as objects,
/// sequences as arrays. The network is written as `ITFNetwork` says (messages with `sender` and
/// `receiver`, a bag as a map from message to count). Kripke's own step information (action,
/// process, delivered message, choices, messages sent) goes in each state's `#meta`, which ITF readers ignore; the
/// trace's `#meta` says `"source": "kripke"`, which is how a reader tells Kripke's traces from
/// other tools' (see `ITF.read`).
///
/// ```swift
/// let json = ITF.encode(trace, description: "invariant 'mutual exclusion' violated")
/// let back = try ITF.decode(json)      // equal to `trace`
/// ```
public enum ITF {
    public static let formatDescription = "https://apalache-mc.org/docs/adr/015adr-trace.html"

    public static func encode(_ trace: Trace, description: String? = nil) -> JSONValue {
        var meta: [(String, JSONValue)] = [
            ("format", .string("ITF")),
            ("format-description", .string(formatDescription)),
            ("source", .string("kripke")),
            ("spec", .string(trace.spec)),
            ("parameters", .object(trace.parameters.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
        ]
        if let semantics = ITFNetwork.semantics(of: trace) { meta.append((ITFNetwork.variable, .string(semantics))) }
        if let description { meta.append(("description", .string(description))) }
        if !trace.ghosts.isEmpty { meta.append(("ghosts", .array(trace.ghosts.sorted().map { .string($0) }))) }
        // A lasso ends where its cycle began: ITF lists each state once and says with `loop` where
        // the last one continues; the step that closes the cycle goes in the trace's `#meta`.
        let cycles = trace.loop.map { $0 < trace.length } ?? false   // else a finite run, or one that stutters at its end
        let listed = cycles ? Array(trace.states.dropLast()) : trace.states
        if cycles, let closing = trace.steps.last { meta.append(("loopStep", .object(stepMeta(closing)))) }
        let states = listed.enumerated().map { index, state -> JSONValue in
            var stateMeta: [(String, JSONValue)] = [("index", .int(index))]
            if index > 0 { stateMeta += stepMeta(trace.steps[index - 1]) }
            let values = trace.variables.map { name in
                let value = state[name] ?? .sequence([])
                return (name, name == ITFNetwork.variable ? ITFNetwork.encode(value) : encode(value))
            }
            return .object([("#meta", .object(stateMeta))] + values)
        }
        var document: [(String, JSONValue)] = [
            ("#meta", .object(meta)),
            ("vars", .array(trace.variables.map { .string($0) })),
            ("states", .array(states)),
        ]
        if let loop = trace.loop { document.append(("loop", .int(loop))) }
        return .object(document)
    }

    private static func stepMeta(_ step: TraceStep) -> [(String, JSONValue)] {
        var meta: [(String, JSONValue)] = [("action", .string(step.action)), ("process", .string(step.process))]
        if let message = step.message { meta.append(("message", encode(message))) }
        if !step.choices.isEmpty { meta.append(("choices", .array(step.choices.map { .int($0) }))) }
        if !step.sent.isEmpty { meta.append(("sent", .array(step.sent.map(encode)))) }
        return meta
    }

    /// A message as step metadata writes it: `kind`, `sender`, `receiver`, then its payload.
    private static func encode(_ message: DeliveredMessage) -> JSONValue {
        .object([("kind", .string(message.kind)), ("sender", .string(message.sender)), ("receiver", .string(message.receiver))]
                + message.fields.map { ($0.name, encode($0.value)) })
    }

    /// The ITF form of a value.
    public static func encode(_ value: Value) -> JSONValue {
        switch value {
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .object([("#bigint", .string(String(number)))])
        case .name(let name): return .string(name)
        case .map(let entries): return .object([("#map", .array(entries.map { .array([encode($0.key), encode($0.value)]) }))])
        case .record(let fields): return .object(fields.map { ($0.name, encode($0.value)) })
        case .sequence(let items): return .array(items.map(encode))
        }
    }
}
