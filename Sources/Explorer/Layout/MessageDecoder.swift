import Kripke

/// The spec's message numbering (`MessageNumbering`) kept in flat buffers, for the decoding that
/// every step does: a handler's message fields, the kind of each message in flight. It gives the
/// same answers as the numbering; reading nested arrays instead retained and released them on
/// every call.
///
/// ```swift
/// let messages = MessageDecoder(MessageNumbering(ir))
/// let kind = messages.decode(code, into: machine.fields)   // kind(of: code), fields written
/// ```
final class MessageDecoder: @unchecked Sendable {   // immutable after init; the buffers are owned
    private let kindCount: Int
    /// Per kind, its first code; then the number of codes.
    private let kindOffsets: UnsafeMutablePointer<Int>
    /// Per kind, where its fields start in `sizes` and `lowers`; then the number of fields.
    private let fieldStarts: UnsafeMutablePointer<Int>
    private let sizes: UnsafeMutablePointer<Int>
    private let lowers: UnsafeMutablePointer<Int>

    init(_ numbering: MessageNumbering) {
        kindCount = numbering.kindOffsets.count
        kindOffsets = .allocate(capacity: kindCount + 1)
        kindOffsets.initialize(from: numbering.kindOffsets + [numbering.messageCount], count: kindCount + 1)
        let flatSizes = numbering.fieldSizes.flatMap { $0 }
        fieldStarts = .allocate(capacity: kindCount + 1)
        fieldStarts.initialize(from: numbering.fieldSizes.reduce(into: [0]) { $0.append($0.last! + $1.count) },
                               count: kindCount + 1)
        sizes = .allocate(capacity: max(flatSizes.count, 1))
        sizes.initialize(from: flatSizes, count: flatSizes.count)
        let flatLowers = numbering.fieldLowerBounds.flatMap { $0 }
        lowers = .allocate(capacity: max(flatLowers.count, 1))
        lowers.initialize(from: flatLowers, count: flatLowers.count)
    }

    deinit {
        kindOffsets.deallocate()
        fieldStarts.deallocate()
        sizes.deallocate()
        lowers.deallocate()
    }

    /// The kind of a code (0 for a spec without messages).
    @inline(__always)
    func kind(of code: Int) -> Int {
        var kind = kindCount - 1
        while kind > 0 && kindOffsets[kind] > code { kind -= 1 }
        return max(kind, 0)
    }

    /// Writes the fields of `code` into `fields` and returns its kind.
    @inline(__always)
    func decode(_ code: Int, into fields: UnsafeMutablePointer<Int>) -> Int {
        guard kindCount > 0 else { return 0 }
        let kind = kind(of: code)
        var rest = code - kindOffsets[kind]
        var position = 0
        for field in fieldStarts[kind]..<fieldStarts[kind + 1] {
            fields[position] = rest % sizes[field] + lowers[field]
            rest /= sizes[field]
            position += 1
        }
        return kind
    }
}
