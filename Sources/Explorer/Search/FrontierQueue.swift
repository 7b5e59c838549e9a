import Foundation

/// One breadth-first level's queue: each state's packed words and its number, in the order found.
/// States are appended in blocks of `blockStates`; while the blocks in memory take less than
/// `residentLimit` bytes they stay there, and past it every full block goes to an unlinked
/// temporary file (TLC's disk-backed queue), so a level of any size holds about `residentLimit`
/// bytes in memory. Blocks are read back in order; a block taken is freed. If the
/// file cannot be written, blocks stay in memory and the search goes on.
///
/// ```swift
/// var level = FrontierQueue(words: 2, blockStates: 1024)
/// level.append(words: packed, id: 7)          // packed: UnsafePointer<UInt64> to 2 words
/// for index in 0..<level.blockCount {
///     let block = level.takeBlock(index)      // block.words: 2 per state, block.ids: [7]
/// }
/// ```
struct FrontierQueue: ~Copyable {
    /// Packed words per state.
    let words: Int
    /// States per block (the search makes it a multiple of its chunk, so chunks never straddle).
    let blockStates: Int
    /// Bytes of full blocks kept in memory before they go to the file.
    let residentLimit: Int

    /// One block of states: `words` packed words per state, and the states' numbers.
    struct Block {
        var words: [UInt64] = []
        var ids: [UInt32] = []
    }

    private enum Stored {
        case resident(Block)
        /// In the file at `offset`: the words, then the ids, of `count` states.
        case spilled(offset: Int, count: Int)
        case taken
    }

    private var full: [Stored] = []
    private var filling = Block()
    private var residentBytes = 0
    private var fileEnd = 0
    private var file: Int32 = -1
    private var fileFailed = false
    private(set) var count = 0

    init(words: Int, blockStates: Int, residentLimit: Int = 16 << 20) {
        self.words = words
        self.blockStates = max(blockStates, 1)
        self.residentLimit = residentLimit
        filling = emptyBlock()
    }

    deinit {
        if file >= 0 { close(file) }
    }

    var blockCount: Int { full.count + (filling.ids.isEmpty ? 0 : 1) }

    var isEmpty: Bool { count == 0 }

    /// Bytes of packed states this queue holds in memory.
    var bytesInMemory: Int { residentBytes + filling.words.capacity * 8 + filling.ids.capacity * 4 }

    mutating func append(words packed: UnsafePointer<UInt64>, id: UInt32) {
        filling.words.append(contentsOf: UnsafeBufferPointer(start: packed, count: words))
        filling.ids.append(id)
        count += 1
        if filling.ids.count == blockStates { seal() }
    }

    /// Block `index` (0 ..< `blockCount`), read from memory or the file; the last may be partly filled.
    func block(_ index: Int) -> Block {
        if index == full.count { return filling }
        switch full[index] {
        case .resident(let block): return block
        case .spilled(let offset, let states): return read(at: offset, states: states)
        case .taken: preconditionFailure("frontier block \(index) was read after it was taken")
        }
    }

    /// Block `index`, which then leaves the queue (its memory is freed).
    mutating func takeBlock(_ index: Int) -> Block {
        let block = block(index)
        if index == full.count {
            filling = Block()
        } else {
            if case .resident = full[index] { residentBytes -= Self.bytes(block) }
            full[index] = .taken
        }
        return block
    }

    /// A block with room for `blockStates` states, to fill.
    private func emptyBlock() -> Block {
        var block = Block()
        block.words.reserveCapacity(blockStates * words)
        block.ids.reserveCapacity(blockStates)
        return block
    }

    private static func bytes(_ block: Block) -> Int { block.words.count * 8 + block.ids.count * 4 }

    /// Moves the full block being filled to memory or, past the limit, to the file.
    private mutating func seal() {
        let block = filling
        filling = emptyBlock()
        if residentBytes + Self.bytes(block) > residentLimit, let offset = write(block) {
            full.append(.spilled(offset: offset, count: block.ids.count))
        } else {
            residentBytes += Self.bytes(block)
            full.append(.resident(block))
        }
    }

    /// Appends `block` to the file; its offset, or nil if the file failed.
    private mutating func write(_ block: Block) -> Int? {
        guard openFile() else { return nil }
        let offset = fileEnd
        let wordBytes = block.words.count * 8
        let written = block.words.withUnsafeBytes { pwrite(file, $0.baseAddress, $0.count, off_t(offset)) }
            + block.ids.withUnsafeBytes { pwrite(file, $0.baseAddress, $0.count, off_t(offset + wordBytes)) }
        guard written == Self.bytes(block) else {
            fileFailed = true
            return nil
        }
        fileEnd += written
        return offset
    }

    private func read(at offset: Int, states: Int) -> Block {
        var block = Block(words: [UInt64](repeating: 0, count: states * words), ids: [UInt32](repeating: 0, count: states))
        let wordBytes = states * words * 8
        let read = block.words.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, off_t(offset)) }
            + block.ids.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, off_t(offset + wordBytes)) }
        precondition(read == Self.bytes(block), "the search's frontier file could not be read back")
        return block
    }

    private mutating func openFile() -> Bool {
        if file >= 0 { return true }
        guard !fileFailed, let opened = UnlinkedTemporaryFile.open(prefix: "kripke-frontier") else {
            fileFailed = true
            return false
        }
        file = opened
        return true
    }
}
