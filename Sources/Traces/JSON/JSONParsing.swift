import Foundation

extension JSONValue {
    /// The deepest nesting of arrays and objects `parse` accepts (deeper input would exhaust the stack).
    public static let maxNesting = 512
    /// The longest number `parse` accepts, in characters.
    public static let maxNumberLength = 64

    /// Parses JSON text, keeping the order of object keys. Nesting deeper than ``maxNesting`` and
    /// numbers longer than ``maxNumberLength`` characters are errors.
    ///
    /// ```swift
    /// let doc = try JSONValue.parse(#"{"a": 1, "b": [true]}"#)
    /// ```
    public static func parse(_ text: String) throws -> JSONValue {
        var parser = Parser(Array(text.utf8))
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.atEnd else { throw parser.failure("unexpected text after the JSON value") }
        return value
    }
}

/// Why a JSON text could not be read.
///
/// ```swift
/// catch let error as JSONParseError { print(error) }   // "invalid JSON at byte 12: expected ':'"
/// ```
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public let offset: Int
    public let message: String
    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}

private struct Parser {
    let bytes: [UInt8]
    var position = 0
    var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }

    func failure(_ message: String) -> JSONParseError { JSONParseError(offset: position, message: message) }

    mutating func skipWhitespace() {
        while !atEnd, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        skipWhitespace()
        guard !atEnd, bytes[position] == byte else { throw failure("expected \(what)") }
        position += 1
    }

    mutating func value() throws -> JSONValue {
        skipWhitespace()
        guard !atEnd else { throw failure("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSONValue.maxNesting else { throw failure("nested deeper than \(JSONValue.maxNesting) levels") }
            depth += 1
            defer { depth -= 1 }
            return try bytes[position] == UInt8(ascii: "{") ? object() : array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return try number()
        }
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
        let end = position + word.utf8.count
        guard end <= bytes.count, Array(bytes[position..<end]) == Array(word.utf8) else {
            throw failure("unexpected character")
        }
        position = end
        return value
    }

    mutating func number() throws -> JSONValue {
        let start = position
        while !atEnd, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
        guard position - start <= JSONValue.maxNumberLength else {
            throw JSONParseError(offset: start, message: "a number longer than \(JSONValue.maxNumberLength) characters")
        }
        guard let text = String(bytes: bytes[start..<position], encoding: .utf8), let value = Double(text) else {
            throw failure("expected a value")
        }
        return .number(value)
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""), "'\"'")
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            if !raw.isEmpty { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw = [] }
        }
        while true {
            guard !atEnd else { throw failure("unterminated string") }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte != UInt8(ascii: "\\") { raw.append(byte); continue }
            flush()
            guard !atEnd else { throw failure("unterminated escape") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "u"):
                guard position + 4 <= bytes.count, let text = String(bytes: bytes[position..<position + 4], encoding: .utf8),
                      let code = UInt32(text, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw failure("invalid \\u escape")
                }
                scalars.append(scalar)
                position += 4
            default: scalars.append(Unicode.Scalar(escape))
            }
        }
        flush()
        return String(scalars)
    }

    mutating func array() throws -> JSONValue {
        try expect(UInt8(ascii: "["), "'['")
        var items: [JSONValue] = []
        skipWhitespace()
        if !atEnd, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            items.append(try value())
            skipWhitespace()
            guard !atEnd else { throw failure("unterminated array") }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            try expect(UInt8(ascii: ","), "',' or ']'")
        }
    }

    mutating func object() throws -> JSONValue {
        try expect(UInt8(ascii: "{"), "'{'")
        var members: [JSONValue.Member] = []
        skipWhitespace()
        if !atEnd, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipWhitespace()
            let key = try string()
            try expect(UInt8(ascii: ":"), "':'")
            members.append(JSONValue.Member(key, try value()))
            skipWhitespace()
            guard !atEnd else { throw failure("unterminated object") }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            try expect(UInt8(ascii: ","), "',' or '}'")
        }
    }
}
