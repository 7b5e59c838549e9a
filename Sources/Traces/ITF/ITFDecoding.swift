import Kripke

/// Why an ITF document could not be read (as any trace, or as one of Kripke's).
///
/// ```swift
/// catch let error as ITFError { print(error) }   // "not an ITF trace: missing 'states'"
/// ```
public struct ITFError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "not an ITF trace: \(message)" }
}

extension ITF {
    /// Reads a trace written by `encode`, including those written before messages said `sender`
    /// and `receiver` and bags were maps (their messages say `from` and `to`, their bags are
    /// lists, and their `#meta` names no network semantics): a saved counterexample stays
    /// replayable. A trace another tool wrote is an error; `read` shows it.
    public static func decode(_ document: JSONValue) throws(ITFError) -> Trace {
        guard isKripkeTrace(document) else {
            throw ITFError("it was not written by Kripke ('#meta' has no \"source\": \"kripke\"), so it has no actions, processes or messages")
        }
        guard case .array(let varList)? = document["vars"] else { throw ITFError("missing 'vars'") }
        guard case .array(let stateList)? = document["states"] else { throw ITFError("missing 'states'") }
        let variables = try varList.map { item throws(ITFError) -> String in
            guard case .string(let name) = item else { throw ITFError("'vars' must hold strings") }
            return name
        }
        let meta = document["#meta"]
        var spec = ""
        if case .string(let name)? = meta?["spec"] { spec = name }
        var parameters: [String: Int] = [:]
        if case .object(let members)? = meta?["parameters"] {
            for member in members {
                guard case .number(let value) = member.value else { throw ITFError("parameter '\(member.key)' is not a number") }
                parameters[member.key] = try integer(value, "parameter '\(member.key)'")
            }
        }
        var ghosts: Set<String> = []
        if case .array(let names)? = meta?["ghosts"] {
            for case .string(let name) in names { ghosts.insert(name) }
        }
        var semantics: String?
        if case .string(let name)? = meta?[ITFNetwork.variable] { semantics = name }
        var states: [TraceState] = []
        var steps: [TraceStep] = []
        for (index, entry) in stateList.enumerated() {
            var values: [String: Value] = [:]
            for name in variables {
                guard let raw = entry[name] else { throw ITFError("state \(index) has no value for '\(name)'") }
                values[name] = name == ITFNetwork.variable ? try ITFNetwork.decode(raw, semantics: semantics) : try decodeValue(raw)
            }
            states.append(TraceState(values: values))
            if index > 0 { steps.append(try decodeStep(entry["#meta"], index: index)) }
        }
        guard !states.isEmpty else { throw ITFError("the trace has no states") }
        var loop: Int?
        if let value = document["loop"] {
            guard case .number(let number) = value, let index = Int(exactly: number), states.indices.contains(index) else {
                throw ITFError("'loop' must be the index of one of the \(states.count) states")
            }
            if let closing = meta?["loopStep"] {
                steps.append(try decodeStep(closing, index: states.count))
                states.append(states[index])
            } else if index != states.count - 1 {
                throw ITFError("a lasso ('loop') needs '#meta.loopStep', the step closing its cycle, unless it loops on its last state")
            }
            loop = index
        }
        return Trace(spec: spec, parameters: parameters, variables: variables, ghosts: ghosts, states: states, steps: steps,
                     loop: loop)
    }

    private static func decodeStep(_ meta: JSONValue?, index: Int) throws(ITFError) -> TraceStep {
        guard case .string(let action)? = meta?["action"], case .string(let process)? = meta?["process"] else {
            throw ITFError("state \(index) does not say which action led to it ('#meta' needs 'action' and 'process')")
        }
        var message: DeliveredMessage?
        if case .object(let members)? = meta?["message"] { message = try decodeMessage(members) }
        var choices: [Int] = []
        if case .array(let items)? = meta?["choices"] {
            for case .number(let value) in items { choices.append(try integer(value, "a choice of state \(index)")) }
        }
        var sent: [DeliveredMessage] = []
        if case .array(let items)? = meta?["sent"] {
            for case .object(let members) in items { sent.append(try decodeMessage(members)) }
        }
        return TraceStep(action: action, process: process, message: message, choices: choices, sent: sent)
    }

    private static func decodeMessage(_ members: [JSONValue.Member]) throws(ITFError) -> DeliveredMessage {
        var kind = "", sender = "", receiver = ""
        var fields: [Value.RecordField] = []
        for member in members {
            switch (ITFNetwork.kripkeName(member.key), member.value) {
            case ("kind", .string(let text)): kind = text
            case ("from", .string(let text)): sender = text
            case ("to", .string(let text)): receiver = text
            default: fields.append(Value.RecordField(name: member.key, value: try decodeValue(member.value)))
            }
        }
        return DeliveredMessage(kind: kind, sender: sender, receiver: receiver, fields: fields)
    }

    /// `number` as an Int: fractional numbers and numbers beyond ±2^53 (where a JSON number is no
    /// longer exact; larger integers are written as `#bigint`) are errors, never truncated.
    static func integer(_ number: Double, _ what: String) throws(ITFError) -> Int {
        guard let value = Int(exactly: number), value.magnitude <= 1 << 53 else {
            throw ITFError("\(what) is \(number), not an integer (integers beyond 2^53 are written {\"#bigint\": \"…\"})")
        }
        return value
    }

    /// The Kripke value of an ITF value.
    public static func decodeValue(_ json: JSONValue) throws(ITFError) -> Value {
        switch json {
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .name(text)
        case .number(let number): return .int(try integer(number, "a value"))
        case .array(let items): return .sequence(try items.map { item throws(ITFError) in try decodeValue(item) })
        case .object(let members):
            if members.count == 1, members[0].key == "#bigint", case .string(let digits) = members[0].value {
                guard let number = Int(digits) else { throw ITFError("bad #bigint '\(digits)'") }
                return .int(number)
            }
            if members.count == 1, members[0].key == "#map", case .array(let pairs) = members[0].value {
                return .map(try pairs.map { pair throws(ITFError) -> Value.MapEntry in
                    guard case .array(let kv) = pair, kv.count == 2 else { throw ITFError("#map entries must be [key, value]") }
                    return Value.MapEntry(key: try decodeValue(kv[0]), value: try decodeValue(kv[1]))
                })
            }
            return .record(try members.map { member throws(ITFError) in
                Value.RecordField(name: member.key, value: try decodeValue(member.value))
            })
        case .null:
            throw ITFError("null is not a value")
        }
    }
}
