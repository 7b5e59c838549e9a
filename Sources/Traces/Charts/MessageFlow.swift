import Kripke

/// The communication of a trace as a message-sequence chart sees it: the processes (lifelines),
/// and per step the acting process, the messages it sent, and the message it received or the
/// network lost (matched to the step that sent it).
///
/// ```swift
/// let flow = MessageFlow(trace)
/// for event in flow.events { print(event.step, event.process, event.sent.count) }
/// ```
public struct MessageFlow: Sendable {
    /// A message sent in one step; `receivedAt` is the step that delivered it and `lostAt` the
    /// step in which the network lost it, if any; with neither it is still in flight at the end.
    public struct Message: Sendable, Equatable {
        public let label: String
        public let sender: String
        public let receiver: String
        public let sentAt: Int
        public var receivedAt: Int?
        public var lostAt: Int? = nil

        /// Sent in step `step` or before and neither delivered nor lost by then.
        public func inFlight(after step: Int) -> Bool {
            sentAt <= step && (receivedAt ?? lostAt ?? Int.max) > step
        }
    }

    /// One step: who acted, what it did, which message it received (or, for the network, lost).
    public struct Event: Sendable {
        public let step: Int
        public let process: String
        public let action: String
        /// Index into `messages` of the message delivered (or lost) in this step.
        public let received: Int?
        /// Indices into `messages` of the messages sent in this step.
        public let sent: [Int]
    }

    public let processes: [String]
    public let messages: [Message]
    public let events: [Event]

    /// The flow of `trace`: with the messages its steps say they sent, as the engine executed them,
    /// or — for a trace without them (an older file) — with its sends inferred from the network
    /// (``InferredSends``).
    public init(_ trace: Trace) {
        let known = trace.steps.contains { !$0.sent.isEmpty }
        self.init(trace, sent: known ? trace.steps.map(\.sent) : InferredSends.perStep(trace))
    }

    /// The flow of `trace` given the messages each step sent (`sent[k]` for `trace.steps[k]`).
    public init(_ trace: Trace, sent: [[DeliveredMessage]]) {
        var messages: [Message] = []
        var contents: [DeliveredMessage] = []
        var events: [Event] = []
        var processes: [String] = []
        func note(_ name: String) { if !processes.contains(name) && name != TraceStep.networkProcess { processes.append(name) } }
        for name in MessageFlow.processNames(trace.states.first) { note(name) }
        for (index, step) in trace.steps.enumerated() {
            note(step.process)
            var received: Int?
            if let delivered = step.message,
               let position = contents.indices.first(where: { contents[$0] == delivered && messages[$0].inFlight(after: index) }) {
                if step.process == TraceStep.networkProcess {
                    messages[position].lostAt = index + 1
                } else {
                    messages[position].receivedAt = index + 1
                }
                received = position
            }
            var sentHere: [Int] = []
            for message in index < sent.count ? sent[index] : [] {
                note(message.sender)
                note(message.receiver)
                messages.append(Message(label: MessageFlow.label(message), sender: message.sender, receiver: message.receiver,
                                        sentAt: index + 1, receivedAt: nil))
                contents.append(message)
                sentHere.append(messages.count - 1)
            }
            events.append(Event(step: index + 1, process: step.process, action: step.action, received: received, sent: sentHere))
        }
        self.processes = processes
        self.messages = messages
        self.events = events
    }

    /// `kind{payload}`, as the text trace prints a message.
    static func label(_ message: DeliveredMessage) -> String {
        message.kind + (message.fields.isEmpty ? "" : Value.record(message.fields).description)
    }

    /// Process names found as keys of per-process variables in a state, in first-seen order.
    static func processNames(_ state: TraceState?) -> [String] {
        guard let state else { return [] }
        var names: [String] = []
        for (name, value) in state.values.sorted(by: { $0.key < $1.key }) where name != TraceState.networkKey {
            if case .map(let entries) = value {
                for entry in entries {
                    if case .name(let key) = entry.key, !names.contains(key) { names.append(key) }
                }
            }
        }
        return names
    }
}
