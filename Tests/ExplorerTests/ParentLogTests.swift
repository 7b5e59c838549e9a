@testable import Explorer
import Testing

/// The parent log keeps the block being filled in memory and the full ones in its file: every
/// record reads back as written, the large ordinals too, and memory stays at one block.
@Suite struct ParentLogTests {
    @Test func recordsReadBackFromMemoryAndFromTheFile() {
        var log = ParentLog(blockShift: 4)   // blocks of 16 records
        log.append(parent: ParentLog.root, ordinal: 2)
        for id in 1..<100 {
            log.append(parent: UInt32(id / 3), ordinal: id == 50 ? 70_000 : UInt32(id % 7))
        }
        #expect(log.count == 100)
        #expect(log.record(0) == (ParentLog.root, 2))
        for id in 1..<100 {
            let record = log.record(UInt32(id))
            #expect(record.parent == UInt32(id / 3), "record \(id)")
            #expect(record.ordinal == (id == 50 ? 70_000 : UInt32(id % 7)), "record \(id)")
        }
        // Six full blocks went to the file; the seventh (records 96–99) is in memory.
        #expect(log.residentBytes < 16 * 6 + 64)
    }
}
