/// A value as a person (and the ITF trace format) sees it: the decoded form of a packed slot.
///
/// ```swift
/// let phase: Value = .map([.init(key: .name("p0"), value: .name("idle"))])
/// print(phase)   // [p0: idle]
/// ```
public indirect enum Value: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    /// An enum case or a process name (`"none"` for no process).
    case name(String)
    /// A function from keys to values: per-process arrays, matrices (nested maps), channels.
    case map([MapEntry])
    /// A message or other record with named fields, in declaration order.
    case record([RecordField])
    /// A sequence: a FIFO channel's queue, or the messages of a bag in canonical order.
    case sequence([Value])

    public struct MapEntry: Hashable, Sendable {
        public let key: Value
        public let value: Value
        public init(key: Value, value: Value) {
            self.key = key
            self.value = value
        }
    }

    public struct RecordField: Hashable, Sendable {
        public let name: String
        public let value: Value
        public init(name: String, value: Value) {
            self.name = name
            self.value = value
        }
    }

    public var description: String {
        switch self {
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .name(let name): return name
        case .map(let entries): return "[" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
        case .record(let fields): return "{" + fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "}"
        case .sequence(let values): return "<" + values.map(\.description).joined(separator: ", ") + ">"
        }
    }
}
