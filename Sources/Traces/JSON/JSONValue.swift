import Foundation

/// A JSON document with ordered object keys, so reports and golden traces are byte-stable and
/// list fields in the order a person expects (not alphabetically).
///
/// ```swift
/// let doc: JSONValue = .object([("verdict", .string("holds")), ("states", .number(2092))])
/// print(doc.rendered())
/// ```
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Hashable, Sendable {
        public let key: String
        public let value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { Member($0.0, $0.1) })
    }

    public static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

    /// The value of `key` in an object.
    public subscript(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Serialises with two-space indentation (or compactly), keys in their given order.
    public func rendered(pretty: Bool = true) -> String {
        var output = ""
        write(to: &output, indent: pretty ? 0 : nil)
        return output
    }

    private func write(to output: inout String, indent: Int?) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value):
            // Every integer up to 2⁵³ is exact in a double: written as one (a simulation's seed, say), not as 2.5e+15.
            if value == value.rounded(), abs(value) <= 0x1p53 { output += String(Int(value)) } else { output += String(value) }
        case .string(let value): output += JSONValue.quote(value)
        case .array(let items):
            writeList(items.map { item in { (out: inout String, level: Int?) in item.write(to: &out, indent: level) } },
                      open: "[", close: "]", to: &output, indent: indent)
        case .object(let members):
            writeList(members.map { member in { (out: inout String, level: Int?) in
                out += JSONValue.quote(member.key) + (level == nil ? ":" : ": ")
                member.value.write(to: &out, indent: level)
            } }, open: "{", close: "}", to: &output, indent: indent)
        }
    }

    private func writeList(_ items: [(inout String, Int?) -> Void], open: String, close: String,
                           to output: inout String, indent: Int?) {
        guard !items.isEmpty else { output += open + close; return }
        output += open
        for (index, item) in items.enumerated() {
            if index > 0 { output += "," }
            if let indent { output += "\n" + String(repeating: "  ", count: indent + 1) }
            item(&output, indent.map { $0 + 1 })
        }
        if let indent { output += "\n" + String(repeating: "  ", count: indent) }
        output += close
    }

    private static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let c where c.value < 0x20: result += String(format: "\\u%04x", c.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
