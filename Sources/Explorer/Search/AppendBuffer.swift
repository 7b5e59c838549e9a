/// A growable buffer of plain values for the search's hottest appends (every successor's
/// fingerprint, packed words and action). An `Array` checks that its storage is unique and goes
/// through generic code on every append, which cost the search several per cent; this buffer
/// only compares its count with its capacity. It is noncopyable, so it owns its memory alone.
///
/// ```swift
/// var words = AppendBuffer<UInt64>()
/// words.append(7)
/// words.append(contentsOf: packed, count: 2)   // an UnsafePointer<UInt64>
/// words[0]                                      // 7
/// words.removeAll()                             // keeps the memory
/// ```
struct AppendBuffer<Element: BitwiseCopyable>: ~Copyable {
    /// The elements, `count` of them, valid until the next append.
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var indices: Range<Int> { 0..<count }

    subscript(index: Int) -> Element {
        assert(index >= 0 && index < count, "AppendBuffer index \(index) out of 0..<\(count)")
        return base[index]
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = element
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf elements: UnsafePointer<Element>, count added: Int) {
        if count + added > capacity { grow(toHold: count + added) }
        (base + count).update(from: elements, count: added)
        count += added
    }

    /// Empties the buffer and keeps its memory.
    mutating func removeAll() { count = 0 }

    private mutating func grow(toHold needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
