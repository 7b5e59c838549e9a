/// The dense numbering of every message of a spec (kind + payload) that all engines share:
/// `code = offset[kind] + Σ (field − lower) · stride`, first field least significant. The
/// explorer stores codes in network slots; the symbolic engine keys its network counters by
/// them; sharing one numbering keeps decoded traces in the same canonical order.
///
/// ```swift
/// let numbering = MessageNumbering(ir)
/// let code = numbering.code(kind: 0, fields: [2])!
/// numbering.decode(code)   // (kind: 0, fields: [2])
/// ```
public struct MessageNumbering: Sendable {
    public let kindOffsets: [Int]
    public let fieldLowerBounds: [[Int]]
    public let fieldSizes: [[Int]]
    /// Number of distinct messages (at least 1).
    public let messageCount: Int
    /// The largest number of fields of any kind.
    public let maxFieldCount: Int

    public init(_ ir: SpecIR) {
        var offsets: [Int] = []
        var lowers: [[Int]] = []
        var sizes: [[Int]] = []
        var total = 0
        for message in ir.messages {
            offsets.append(total)
            lowers.append(message.fields.map { $0.domain.lowerBound(roles: ir.roles) })
            let kindSizes = message.fields.map { $0.domain.size(roles: ir.roles) }
            sizes.append(kindSizes)
            total += kindSizes.reduce(1, *)
        }
        kindOffsets = offsets
        fieldLowerBounds = lowers
        fieldSizes = sizes
        messageCount = max(total, 1)
        maxFieldCount = ir.messages.map(\.fields.count).max() ?? 0
    }

    /// The code of a message, or `nil` when a field lies outside its domain.
    public func code(kind: Int, fields: [Int]) -> Int? {
        fields.withUnsafeBufferPointer { code(kind: kind, fields: $0.baseAddress!) }
    }

    /// The code of a message whose fields are at `fields`, or `nil` when one lies outside its domain.
    public func code(kind: Int, fields: UnsafePointer<Int>) -> Int? {
        var code = 0
        let sizes = fieldSizes[kind]
        let lowers = fieldLowerBounds[kind]
        for position in (0..<sizes.count).reversed() {
            let value = fields[position] - lowers[position]
            if value < 0 || value >= sizes[position] { return nil }
            code = code * sizes[position] + value
        }
        return kindOffsets[kind] + code
    }

    /// The kind of a code.
    public func kind(of code: Int) -> Int {
        var kind = kindOffsets.count - 1
        while kind > 0 && kindOffsets[kind] > code { kind -= 1 }
        return max(kind, 0)
    }

    /// Writes the fields of `code` into `fields` and returns the kind.
    public func decode(_ code: Int, into fields: UnsafeMutablePointer<Int>) -> Int {
        let kind = kind(of: code)
        var rest = code - kindOffsets[kind]
        let sizes = fieldSizes[kind]
        let lowers = fieldLowerBounds[kind]
        for position in 0..<sizes.count {
            fields[position] = rest % sizes[position] + lowers[position]
            rest /= sizes[position]
        }
        return kind
    }

    /// The kind and fields of `code`.
    public func decode(_ code: Int) -> (kind: Int, fields: [Int]) {
        var fields = [Int](repeating: 0, count: max(maxFieldCount, 1))
        let kind = fields.withUnsafeMutableBufferPointer { decode(code, into: $0.baseAddress!) }
        return (kind, Array(fields.prefix(fieldSizes[kind].count)))
    }

    /// Every code of `kind`.
    public func codes(of kind: Int) -> Range<Int> {
        kindOffsets[kind]..<(kindOffsets[kind] + fieldSizes[kind].reduce(1, *))
    }
}
