import Kripke

/// The `network` variable of a Kripke trace at the ITF boundary. Inside Kripke a message is a
/// record `{kind, from, to, payload…}`; in ITF its addresses are `sender` and `receiver`, because
/// `from` is a keyword in Python (itf-py turns records into named tuples, which refuse keywords).
/// An unordered network (a bag) is a map from message to its count, in the engines' canonical
/// message order, so two equal bags are equal ITF values in every reader; a FIFO network stays a
/// map from channel (`"p0->p1"`) to its queue, a list. The trace's `#meta` says which
/// (`"network": "unordered"` or `"fifo"`), so an empty network reads back as the right one.
///
/// ```swift
/// let bag: Value = .sequence([ping, ping])      // ping = {kind: ping, from: p0, to: p1}
/// ITFNetwork.encode(bag)
/// // {"#map": [[{"kind": "ping", "sender": "p0", "receiver": "p1"}, {"#bigint": "2"}]]}
/// ```
enum ITFNetwork {
    /// The trace variable that holds the messages in flight.
    static let variable = TraceState.networkKey

    /// Kripke's field name for a message's addresses, and the ITF one.
    private static let addressFields = [(kripke: TraceNamer.messageRecordFields[1], itf: "sender"),
                                        (kripke: TraceNamer.messageRecordFields[2], itf: "receiver")]

    /// The network semantics a trace's network values have, as `#meta` names it.
    static func semantics(of trace: Trace) -> String? {
        switch trace.states.first?[variable] {
        case .sequence?: return "unordered"
        case .map?: return "fifo"
        default: return nil
        }
    }

    static func encode(_ network: Value) -> JSONValue {
        switch network {
        case .sequence(let messages):
            var counts: [(message: Value, count: Int)] = []
            for message in messages {
                if let index = counts.firstIndex(where: { $0.message == message }) {
                    counts[index].count += 1
                } else {
                    counts.append((message, 1))
                }
            }
            return .object([("#map", .array(counts.map { .array([encodeMessage($0.message), ITF.encode(.int($0.count))]) }))])
        case .map(let channels):
            return .object([("#map", .array(channels.map { channel in
                guard case .sequence(let queue) = channel.value else { return .array([ITF.encode(channel.key), ITF.encode(channel.value)]) }
                return .array([ITF.encode(channel.key), .array(queue.map(encodeMessage))])
            }))])
        default:
            return ITF.encode(network)
        }
    }

    /// Reads a network written with `semantics` (nil: a trace written before Kripke named it,
    /// whose bags are lists and whose messages say `from` and `to`).
    static func decode(_ json: JSONValue, semantics: String?) throws(ITFError) -> Value {
        let value = try ITF.decodeValue(json)
        switch (semantics, value) {
        case (nil, _):
            return value
        case ("unordered", .map(let entries)):
            var messages: [Value] = []
            for entry in entries {
                guard case .int(let count) = entry.value, count > 0 else {
                    throw ITFError("an unordered network maps each message to its count (a positive integer), not \(entry.value)")
                }
                messages += Array(repeating: decodeMessage(entry.key), count: count)
            }
            return .sequence(messages)
        case ("fifo", .map(let channels)):
            return .map(channels.map { channel in
                guard case .sequence(let queue) = channel.value else { return channel }
                return Value.MapEntry(key: channel.key, value: .sequence(queue.map(decodeMessage)))
            })
        default:
            throw ITFError("a \(semantics ?? "") network is a #map, not \(value)")
        }
    }

    /// A message's fields in ITF: addresses renamed, payload as it is.
    static func encodeMessage(_ message: Value) -> JSONValue {
        guard case .record(let fields) = message else { return ITF.encode(message) }
        return .object(fields.map { field in
            (addressFields.first { $0.kripke == field.name }?.itf ?? field.name, ITF.encode(field.value))
        })
    }

    private static func decodeMessage(_ message: Value) -> Value {
        guard case .record(let fields) = message else { return message }
        return .record(fields.map { field in
            Value.RecordField(name: kripkeName(field.name), value: field.value)
        })
    }

    /// Kripke's name for a message field written in ITF (`sender` → `from`).
    static func kripkeName(_ itfName: String) -> String {
        addressFields.first { $0.itf == itfName }?.kripke ?? itfName
    }
}
