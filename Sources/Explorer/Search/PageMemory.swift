import Foundation

/// Zero-filled arrays mapped straight from the kernel (anonymous `mmap`) and unmapped when freed,
/// for the visited table's arrays, which are replaced many times over a search by ones a quarter
/// larger. From `malloc`, each freed table left a hole in the heap that the next, larger one did
/// not fit in (glibc raises its mmap threshold after the first large free, up to 32 MiB), and the
/// holes stayed resident: about 20 MiB on a 10 M-state run.
///
/// ```swift
/// let slots = PageMemory.allocate(UInt64.self, count: 1 << 20)   // all zero
/// PageMemory.deallocate(slots, count: 1 << 20)
/// ```
enum PageMemory {
    static func allocate<Element>(_: Element.Type, count: Int) -> UnsafeMutablePointer<Element> {
        let mapped = mmap(nil, byteCount(Element.self, count), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let mapped, mapped != UnsafeMutableRawPointer(bitPattern: -1) else {
            fatalError("out of memory: mapping \(byteCount(Element.self, count)) bytes failed")
        }
        // Huge pages where the kernel offers them on request (transparent huge pages in `madvise`
        // mode, Debian's default): a probe into a table of hundreds of MiB then misses the TLB far
        // less often. Small tables keep ordinary pages, so that small runs stay small.
        if byteCount(Element.self, count) >= hugePageThreshold { _ = madvise(mapped, byteCount(Element.self, count), MADV_HUGEPAGE) }
        return mapped.bindMemory(to: Element.self, capacity: count)
    }

    /// Unmaps an array from `allocate` (with the count it was allocated with).
    static func deallocate<Element>(_ pointer: UnsafeMutablePointer<Element>, count: Int) {
        munmap(pointer, byteCount(Element.self, count))
    }

    /// Arrays from this size on ask for huge pages (2 MiB on x86-64).
    static let hugePageThreshold = 8 << 20

    private static func byteCount<Element>(_: Element.Type, _ count: Int) -> Int {
        max(1, count * MemoryLayout<Element>.stride)
    }
}
