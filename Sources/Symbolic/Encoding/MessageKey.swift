import Kripke

/// Numbers every message (kind + payload) densely, exactly as the explorer does:
/// `code = offset[kind] + Σ (field − lower)·stride`, first field least significant. Sharing the
/// numbering keeps the unordered network of a decoded trace in the explorer's canonical order.
///
/// ```swift
/// let catalog = MessageCatalog(ir)
/// let code = catalog.code(kind: 0, fields: [2])!
/// catalog.decode(code)   // (kind: 0, fields: [2])
/// ```
struct MessageCatalog {
    let kindOffsets: [Int]
    let fieldLowers: [[Int]]
    let fieldSizes: [[Int]]
    /// Number of distinct messages (at least 1).
    let messageCount: Int

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
        fieldLowers = lowers
        fieldSizes = sizes
        messageCount = max(total, 1)
    }

    /// The code of a message, or `nil` when a field lies outside its domain.
    func code(kind: Int, fields: [Int]) -> Int? {
        var code = 0
        for position in fields.indices.reversed() {
            let value = fields[position] - fieldLowers[kind][position]
            guard value >= 0 && value < fieldSizes[kind][position] else { return nil }
            code = code * fieldSizes[kind][position] + value
        }
        return kindOffsets[kind] + code
    }

    func kind(of code: Int) -> Int {
        kindOffsets.lastIndex { $0 <= code } ?? 0
    }

    func decode(_ code: Int) -> (kind: Int, fields: [Int]) {
        let kind = kind(of: code)
        var rest = code - kindOffsets[kind]
        var fields: [Int] = []
        for (size, lower) in zip(fieldSizes[kind], fieldLowers[kind]) {
            fields.append(rest % size + lower)
            rest /= size
        }
        return (kind, fields)
    }

    /// Every code of `kind`.
    func codes(of kind: Int) -> Range<Int> {
        kindOffsets[kind]..<(kindOffsets[kind] + fieldSizes[kind].reduce(1, *))
    }
}

/// A message in flight between two processes: what a network counter (unordered) or a channel
/// entry (FIFO) counts.
///
/// ```swift
/// let key = MessageKey(sender: 0, receiver: 1, code: 3)
/// ```
struct MessageKey: Hashable, Comparable {
    let sender: Int
    let receiver: Int
    let code: Int

    static func < (a: MessageKey, b: MessageKey) -> Bool {
        (a.sender, a.receiver, a.code) < (b.sender, b.receiver, b.code)
    }
}
