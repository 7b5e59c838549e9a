import Kripke

/// Numbers every message (kind + payload) of a spec densely: `code = offset[kind] + Σ field·stride`.
/// Network slots store `1 + code` (FIFO) or `1 + (sender·P + receiver)·M + code` (unordered),
/// with 0 meaning "empty".
///
/// ```swift
/// let codec = MessageCodec(ir)
/// let code = codec.encode(kind: 0, fields: [3])
/// codec.decode(code)   // (kind: 0, fields: [3])
/// ```
struct MessageCodec: Sendable {
    let kindOffsets: [Int]
    let fieldLowerBounds: [[Int]]
    let fieldSizes: [[Int]]
    /// Number of distinct messages (kind + payload).
    let messageCount: Int
    let maxFieldCount: Int

    init(_ ir: SpecIR) {
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

    /// The code of a message; `nil` when a field value lies outside its domain.
    func encode(kind: Int, fields: UnsafePointer<Int>) -> Int? {
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
    func kind(of code: Int) -> Int {
        var kind = kindOffsets.count - 1
        while kindOffsets[kind] > code { kind -= 1 }
        return kind
    }

    /// Writes the fields of `code` into `fields` and returns the kind.
    func decode(_ code: Int, into fields: UnsafeMutablePointer<Int>) -> Int {
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
}
