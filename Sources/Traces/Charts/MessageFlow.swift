import Kripke

/// The communication of a trace as a message-sequence chart sees it: the processes (lifelines),
/// and per step the acting process, the messages it sent, and the message it received (matched
/// to the step that sent it).
///
/// ```swift
/// let flow = MessageFlow(trace)
/// for event in flow.events { print(event.step, event.process, event.sent.count) }
/// ```
public struct MessageFlow: Sendable {
    /// A message sent in one step; `receivedAt` is the step that delivered it, if any.
    public struct Message: Sendable, Equatable {
        public let label: String
        public let sender: String
        public let receiver: String
        public let sentAt: Int
        public var receivedAt: Int?
    }

    /// One step: who acted, what it did, which message it received.
    public struct Event: Sendable {
        public let step: Int
        public let process: String
        public let action: String
        /// Index into `messages` of the message delivered in this step.
        public let received: Int?
        /// Indices into `messages` of the messages sent in this step.
        public let sent: [Int]
    }

    public let processes: [String]
    public let messages: [Message]
    public let events: [Event]

    public init(_ trace: Trace) {
        var messages: [Message] = []
        var records: [Value] = []
        var events: [Event] = []
        var processes: [String] = []
        func note(_ name: String) { if !processes.contains(name) && name != TraceStep.networkProcess { processes.append(name) } }
        for name in MessageFlow.processNames(trace.states.first) { note(name) }
        for (index, step) in trace.steps.enumerated() {
            let diff = TraceDiff(from: trace.states[index], to: trace.states[index + 1], variables: trace.variables)
            note(step.process)
            var received: Int?
            if let delivered = step.message, let position = MessageFlow.firstPending(delivered, in: records, messages) {
                if step.process != TraceStep.networkProcess { messages[position].receivedAt = index + 1 }
                received = position
            }
            var sent: [Int] = []
            for record in diff.sent {
                let (label, from, to) = MessageFlow.describe(record)
                note(from)
                note(to)
                messages.append(Message(label: label, sender: from, receiver: to, sentAt: index + 1, receivedAt: nil))
                records.append(record)
                sent.append(messages.count - 1)
            }
            events.append(Event(step: index + 1, process: step.process, action: step.action, received: received, sent: sent))
        }
        self.processes = processes
        self.messages = messages
        self.events = events
    }

    /// The earliest sent, not yet delivered message equal to `delivered`.
    private static func firstPending(_ delivered: DeliveredMessage, in records: [Value], _ messages: [Message]) -> Int? {
        records.indices.first { index in
            guard messages[index].receivedAt == nil, case .record(let fields) = records[index] else { return false }
            let payload = fields.filter { !["kind", "from", "to"].contains($0.name) }
            return fields.first { $0.name == "kind" }?.value == .name(delivered.kind)
                && fields.first { $0.name == "from" }?.value == .name(delivered.sender)
                && fields.first { $0.name == "to" }?.value == .name(delivered.receiver)
                && payload == delivered.fields
        }
    }

    /// Label, sender and receiver of a message record.
    static func describe(_ record: Value) -> (label: String, from: String, to: String) {
        guard case .record(let fields) = record else { return (record.description, "?", "?") }
        let lookup = { (name: String) in fields.first { $0.name == name }?.value.description ?? "?" }
        let payload = fields.filter { !["kind", "from", "to"].contains($0.name) }
        return (lookup("kind") + (payload.isEmpty ? "" : Value.record(payload).description), lookup("from"), lookup("to"))
    }

    /// Process names found as keys of per-process variables in a state, in first-seen order.
    private static func processNames(_ state: TraceState?) -> [String] {
        guard let state else { return [] }
        var names: [String] = []
        for (name, value) in state.values.sorted(by: { $0.key < $1.key }) where name != "network" {
            if case .map(let entries) = value {
                for entry in entries {
                    if case .name(let key) = entry.key, !names.contains(key) { names.append(key) }
                }
            }
        }
        return names
    }
}
