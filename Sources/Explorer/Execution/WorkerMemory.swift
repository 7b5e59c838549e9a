/// Memory for one search worker's hot buffers that shares no cache line with another worker's:
/// buffers start on a 128-byte boundary (adjacent-line prefetching pairs 64-byte lines) and
/// fill whole blocks. Small buffers allocated one after another for different workers would
/// otherwise share lines, and every write by one core would evict the line from the other's
/// cache (false sharing).
///
/// ```swift
/// let state: UnsafeMutablePointer<Int> = WorkerMemory.allocate(count: slotCount)
/// defer { WorkerMemory.deallocate(state) }
/// ```
enum WorkerMemory {
    static let blockBytes = 128

    static func allocate<T>(count: Int, initializedTo value: T) -> UnsafeMutablePointer<T> {
        let capacity = max(count, 1)
        let bytes = (capacity * MemoryLayout<T>.stride + blockBytes - 1) / blockBytes * blockBytes
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: blockBytes)
        let typed = raw.bindMemory(to: T.self, capacity: capacity)
        typed.initialize(repeating: value, count: capacity)
        return typed
    }

    static func deallocate<T>(_ pointer: UnsafeMutablePointer<T>) {
        UnsafeMutableRawPointer(pointer).deallocate()
    }
}

/// Padding that keeps the fields of a per-worker object that change on every step (a step
/// counter, flags) off the cache lines of the object allocated next to it.
struct CacheLinePadding {
    private let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
}
