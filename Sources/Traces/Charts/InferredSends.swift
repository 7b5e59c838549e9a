import Kripke

/// The messages each step of a trace sent, inferred from the trace alone: the multiset difference
/// of the network between the states before and after the step. Traces do not record their sends
/// yet; when steps carry them, ``MessageFlow/init(_:sent:)`` takes them directly and this goes.
///
/// ```swift
/// let sent = InferredSends.perStep(trace)   // sent[k]: the messages steps[k] sent
/// let flow = MessageFlow(trace, sent: sent)
/// ```
public enum InferredSends {
    /// For each step, the messages that entered the network in it, in the network's order.
    public static func perStep(_ trace: Trace) -> [[DeliveredMessage]] {
        trace.steps.indices.map { index in
            TraceDiff(from: trace.states[index], to: trace.states[index + 1], variables: trace.variables)
                .sent.map(message)
        }
    }

    /// A network record `{kind, from, to, …payload}` as a message; a value of another shape
    /// becomes a message of that kind between unknown processes (`?`).
    static func message(_ record: Value) -> DeliveredMessage {
        guard case .record(let fields) = record else {
            return DeliveredMessage(kind: record.description, sender: "?", receiver: "?", fields: [])
        }
        let name = { (key: String) in fields.first { $0.name == key }?.value.description ?? "?" }
        return DeliveredMessage(kind: name("kind"), sender: name("from"), receiver: name("to"),
                                fields: fields.filter { !["kind", "from", "to"].contains($0.name) })
    }
}
