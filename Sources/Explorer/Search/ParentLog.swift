import Foundation

/// Per stored state, by number: its parent and its position among the parent's successors —
/// all a trace needs to be rebuilt by re-executing. Records are appended in blocks of 2²⁰; past
/// the first block, each full block goes to an unlinked temporary file (TLC keeps its trace in
/// a file too), so the log holds at most one block, 6 MB, in memory however many states the search stores,
/// and is read back only to rebuild a counterexample. If the file cannot be written, blocks stay
/// in memory (6 bytes per state), and the search goes on.
///
/// ```swift
/// var log = ParentLog()
/// log.append(parent: ParentLog.root, ordinal: 0)   // state 0: an initial state (its number among them)
/// log.append(parent: 0, ordinal: 3)                // state 1: the 4th successor of state 0
/// log.record(1)                                    // (parent: 0, ordinal: 3)
/// ```
struct ParentLog: ~Copyable {
    /// The parent of an initial state.
    static let root = UInt32.max
    /// Records per block: 2^blockShift.
    let blockShift: Int
    /// Bytes of one record in the file: the parent, then the ordinal (at most 65,534 in place).
    private static let recordBytes = 6

    private struct Block {
        var parents: [UInt32] = []
        var ordinals: [UInt16] = []
    }

    /// The block being filled, and its number.
    private var filling = Block()
    private var fillingNumber = 0
    /// Full blocks still in memory, by block number (any the file refused).
    private var resident: [Int: Block] = [:]
    /// Ordinals past 65,534 (rare: a state with that many successors).
    private var largeOrdinals: [UInt32: UInt32] = [:]
    private(set) var count = 0
    private var file: Int32 = -1
    private var fileFailed = false

    init(blockShift: Int = 20) {
        self.blockShift = blockShift
    }

    deinit {
        if file >= 0 { close(file) }
    }

    mutating func append(parent: UInt32, ordinal: UInt32) {
        if count > 0 && count & ((1 << blockShift) - 1) == 0 { seal() }
        filling.parents.append(parent)
        filling.ordinals.append(UInt16(min(ordinal, UInt32(UInt16.max))))
        if ordinal >= UInt32(UInt16.max) { largeOrdinals[UInt32(count)] = ordinal }
        count += 1
    }

    /// Moves the full block being filled to the file (or, if the file fails, to `resident`).
    private mutating func seal() {
        let full = filling
        filling = Block()
        if !spill(full, number: fillingNumber) { resident[fillingNumber] = full }
        fillingNumber += 1
    }

    /// State `id`'s parent (`root` for an initial state) and its position among the parent's
    /// successors (for an initial state: which initial state it is).
    func record(_ id: UInt32) -> (parent: UInt32, ordinal: UInt32) {
        let index = Int(id)
        let block = index >> blockShift, offset = index & ((1 << blockShift) - 1)
        var parent: UInt32 = 0, ordinal: UInt16 = 0
        if let stored = block == fillingNumber ? filling : resident[block] {
            parent = stored.parents[offset]
            ordinal = stored.ordinals[offset]
        } else {
            var bytes = [UInt8](repeating: 0, count: Self.recordBytes)
            let read = bytes.withUnsafeMutableBytes { pread(file, $0.baseAddress, Self.recordBytes, off_t(index * Self.recordBytes)) }
            precondition(read == Self.recordBytes, "the search's parent file could not be read back")
            parent = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 0, as: UInt32.self) }
            ordinal = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 4, as: UInt16.self) }
        }
        return (parent, largeOrdinals[id] ?? UInt32(ordinal))
    }

    /// Bytes the log holds in memory.
    var residentBytes: Int {
        resident.values.reduce(filling.parents.capacity * 4 + filling.ordinals.capacity * 2) {
            $0 + $1.parents.capacity * 4 + $1.ordinals.capacity * 2
        } + largeOrdinals.count * 16
    }

    /// Writes full block number `block` to the file; whether it was written.
    private mutating func spill(_ stored: Block, number block: Int) -> Bool {
        guard !fileFailed, openFile() else { return false }
        var bytes = [UInt8](repeating: 0, count: stored.parents.count * Self.recordBytes)
        bytes.withUnsafeMutableBytes { buffer in
            for position in stored.parents.indices {
                buffer.storeBytes(of: stored.parents[position], toByteOffset: position * Self.recordBytes, as: UInt32.self)
                buffer.storeBytes(of: stored.ordinals[position], toByteOffset: position * Self.recordBytes + 4, as: UInt16.self)
            }
        }
        let offset = off_t((block << blockShift) * Self.recordBytes)
        let written = bytes.withUnsafeBytes { pwrite(file, $0.baseAddress, $0.count, offset) }
        guard written == bytes.count else {
            fileFailed = true
            return false
        }
        return true
    }

    private mutating func openFile() -> Bool {
        if file >= 0 { return true }
        guard let opened = UnlinkedTemporaryFile.open(prefix: "kripke-parents") else {
            fileFailed = true
            return false
        }
        file = opened
        return true
    }
}
