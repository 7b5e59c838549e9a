/// A run of a spec: its states, initial state first, and the step taken between each pair.
/// Both engines produce traces in this form; printers and the ITF encoder consume it.
///
/// ```swift
/// for (index, state) in trace.states.enumerated() {
///     if index > 0 { print(trace.steps[index - 1]) }
///     print(state)
/// }
/// ```
public struct Trace: Hashable, Sendable {
    public let spec: String
    public let parameters: [String: Int]
    /// Variable names in declaration order, then `network`.
    public let variables: [String]
    /// Names of ghost variables, which printers may hide.
    public let ghosts: Set<String>
    public let states: [TraceState]
    /// `steps[k]` leads from `states[k]` to `states[k + 1]`.
    public let steps: [TraceStep]
    /// The states as the engine held them (`frames[k]` is `states[k]` unnamed), when an engine made
    /// the trace; nil for a trace read from a file. Not part of a trace's equality: two traces are
    /// equal when they name the same states and steps.
    public let frames: [RawFrame]?
    /// For a lasso (an infinite run, the counterexample to a liveness property): the index of the
    /// state the cycle starts from. The last state equals `states[loop]`, and the run repeats
    /// the steps from there forever; when `loop` is the last state's index, the run stutters
    /// there forever (takes no more steps). Nil for a finite run.
    public let loop: Int?

    public init(spec: String, parameters: [String: Int], variables: [String], ghosts: Set<String>,
                states: [TraceState], steps: [TraceStep], frames: [RawFrame]? = nil, loop: Int? = nil) {
        self.loop = loop
        self.spec = spec
        self.parameters = parameters
        self.variables = variables
        self.ghosts = ghosts
        self.states = states
        self.steps = steps
        self.frames = frames
    }

    public static func == (lhs: Trace, rhs: Trace) -> Bool {
        (lhs.spec, lhs.parameters, lhs.variables, lhs.ghosts, lhs.states, lhs.steps)
            == (rhs.spec, rhs.parameters, rhs.variables, rhs.ghosts, rhs.states, rhs.steps) && lhs.loop == rhs.loop
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(spec)
        hasher.combine(states)
        hasher.combine(steps)
    }

    /// Number of steps (the counterexample's length).
    public var length: Int { steps.count }

    /// The same run as a lasso whose cycle starts at state `loop`.
    public func looping(at loop: Int) -> Trace {
        Trace(spec: spec, parameters: parameters, variables: variables, ghosts: ghosts, states: states, steps: steps,
              frames: frames, loop: loop)
    }
}

/// One state of a trace: every variable's value by name, plus the network.
///
/// ```swift
/// state["phase"]   // .map([p0: idle, p1: critical])
/// ```
public struct TraceState: Hashable, Sendable {
    /// The name the network's contents go by among the variables: a validated spec declares no
    /// variable of this name.
    public static let networkKey = "network"

    public let values: [String: Value]
    public init(values: [String: Value]) { self.values = values }
    public subscript(_ name: String) -> Value? { values[name] }
}

/// What happened in one step: which action of which process, with which message or choice, and
/// the messages it sent (as the engine executed it; empty where not known, as in older files).
///
/// ```swift
/// print(step)   // "p1: receive request from p0 {ts: 1}"
/// ```
public struct TraceStep: Hashable, Sendable, CustomStringConvertible {
    public let action: String
    public let process: String
    /// The delivered message, for a handler step.
    public let message: DeliveredMessage?
    /// Values chosen by the action's parameters, if any.
    public let choices: [Int]
    /// The messages the step sent, in the order it sent them.
    public let sent: [DeliveredMessage]

    public init(action: String, process: String, message: DeliveredMessage?, choices: [Int], sent: [DeliveredMessage] = []) {
        self.action = action
        self.process = process
        self.message = message
        self.choices = choices
        self.sent = sent
    }

    /// The step without its sent messages: what identifies the action instance taken.
    public var instance: TraceStep {
        TraceStep(action: action, process: process, message: message, choices: choices)
    }

    /// The process name of steps the network takes (message loss).
    public static let networkProcess = TraceState.networkKey

    public var description: String {
        var text = "\(process): \(action)"
        if let message {
            let payload = message.fields.isEmpty ? "" : " \(Value.record(message.fields))"
            text += process == TraceStep.networkProcess
                ? "\(payload) \(message.sender) → \(message.receiver)"
                : " from \(message.sender)\(payload)"
        }
        if !choices.isEmpty { text += " (choosing \(choices.map(String.init).joined(separator: ", ")))" }
        return text
    }
}

/// A message as delivered to a handler.
///
/// ```swift
/// let m = DeliveredMessage(kind: "request", sender: "p0", receiver: "p1", fields: [.init(name: "ts", value: .int(1))])
/// ```
public struct DeliveredMessage: Hashable, Sendable {
    public let kind: String
    public let sender: String
    public let receiver: String
    public let fields: [Value.RecordField]

    public init(kind: String, sender: String, receiver: String, fields: [Value.RecordField]) {
        self.kind = kind
        self.sender = sender
        self.receiver = receiver
        self.fields = fields
    }
}
