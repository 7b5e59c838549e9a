/// The text of any ITF value, in Quint's notation, for traces Kripke did not write: integers of
/// any size, `"strings"`, lists `[1, 2]`, tuples `(1, "a")`, sets `Set(1, 2)`, maps
/// `Map("a" -> 1)`, records `{ x: 1 }`, variants `Some(3)` (`None` for a unit variant). Set elements and map entries are
/// sorted by their text, so two equal sets or maps read the same whatever order a tool wrote.
///
/// ```swift
/// try ITFValueText.describe(.object([("#set", .array([.string("b"), .string("a")]))]))   // Set("a", "b")
/// ```
enum ITFValueText {
    static func describe(_ json: JSONValue) throws(ITFError) -> String {
        switch json {
        case .bool(let flag): return String(flag)
        case .number(let number): return String(try ITF.integer(number, "a value"))
        case .string(let text): return JSONValue.string(text).rendered(pretty: false)
        case .array(let items): return "[" + (try list(items)).joined(separator: ", ") + "]"
        case .null: throw ITFError("null is not a value")
        case .object(let members): return try describe(members)
        }
    }

    private static func describe(_ members: [JSONValue.Member]) throws(ITFError) -> String {
        switch (members.count, members.first?.key, members.first?.value) {
        case (1, "#bigint", .string(let digits)?):
            let magnitude = digits.hasPrefix("-") ? digits.dropFirst() : Substring(digits)
            guard !magnitude.isEmpty, magnitude.allSatisfy({ "0123456789".contains($0) }) else {
                throw ITFError("bad #bigint '\(digits)'")
            }
            return digits
        case (1, "#tup", .array(let items)?): return "(" + (try list(items)).joined(separator: ", ") + ")"
        case (1, "#set", .array(let items)?): return "Set(" + (try list(items)).sorted().joined(separator: ", ") + ")"
        case (1, "#map", .array(let pairs)?):
            let entries = try pairs.map { pair throws(ITFError) -> String in
                guard case .array(let kv) = pair, kv.count == 2 else { throw ITFError("#map entries must be [key, value]") }
                return "\(try describe(kv[0])) -> \(try describe(kv[1]))"
            }
            return "Map(" + entries.sorted().joined(separator: ", ") + ")"
        case (1, "#unserializable", .string(let text)?): return text
        default:
            if members.count == 2, case .string(let tag)? = members.first(where: { $0.key == "tag" })?.value,
               let value = members.first(where: { $0.key == "value" })?.value {
                return value == .object([("#tup", .array([]))]) ? tag : tag + "(" + (try describe(value)) + ")"
            }
            let fields = try members.map { member throws(ITFError) in "\(member.key): \(try describe(member.value))" }
            return fields.isEmpty ? "{}" : "{ " + fields.joined(separator: ", ") + " }"
        }
    }

    private static func list(_ items: [JSONValue]) throws(ITFError) -> [String] {
        try items.map { item throws(ITFError) in try describe(item) }
    }
}
