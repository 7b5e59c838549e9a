@testable import Explorer
import Testing

/// The frontier queue gives back every state in the order appended, from memory and from its
/// file alike, and past its budget holds no more than the block being filled.
@Suite struct FrontierQueueTests {
    /// Bytes of one state: 3 words and its number.
    static let stateBytes = 3 * 8 + 4

    static func expected(_ states: Int) -> [UInt64] {
        var words: [UInt64] = []
        for state in 0..<states {
            words += [UInt64(state), UInt64(state) &* 0x9E37_79B9_7F4A_7C15, ~UInt64(state)]
        }
        return words
    }

    static func fill(_ queue: inout FrontierQueue, states: Int) {
        for state in 0..<states {
            let words: [UInt64] = [UInt64(state), UInt64(state) &* 0x9E37_79B9_7F4A_7C15, ~UInt64(state)]
            words.withUnsafeBufferPointer { queue.append(words: $0.baseAddress!, id: UInt32(state + 1000)) }
        }
    }

    static func drain(_ queue: inout FrontierQueue) -> (words: [UInt64], ids: [UInt32]) {
        var words: [UInt64] = [], ids: [UInt32] = []
        for index in 0..<queue.blockCount {
            let block = queue.takeBlock(index)
            words += block.words
            ids += block.ids
        }
        return (words, ids)
    }

    @Test(arguments: [0, 100, 1 << 20])
    func statesComeBackInOrder(residentLimit: Int) {
        var queue = FrontierQueue(words: 3, blockStates: 8, residentLimit: residentLimit)
        Self.fill(&queue, states: 61)
        #expect(queue.count == 61)
        #expect(queue.blockCount == 8)   // 7 full blocks and 5 states in the eighth
        let (words, ids) = Self.drain(&queue)
        let expectedIDs: [UInt32] = (0..<61).map { UInt32($0 + 1000) }
        #expect(ids == expectedIDs)
        #expect(words == Self.expected(61))
    }

    @Test func pastTheBudgetOnlyTheFillingBlockStaysInMemory() {
        var onDisk = FrontierQueue(words: 3, blockStates: 8, residentLimit: 0)
        var inMemory = FrontierQueue(words: 3, blockStates: 8, residentLimit: 1 << 20)
        Self.fill(&onDisk, states: 800)
        Self.fill(&inMemory, states: 800)
        let oneBlock = 8 * Self.stateBytes
        #expect(onDisk.bytesInMemory <= 2 * oneBlock)   // capacity: a block, rounded up
        #expect(inMemory.bytesInMemory >= 100 * oneBlock)
        // Reading a block leaves it in the queue; taking it frees it.
        let third = onDisk.block(3).ids
        #expect(third == onDisk.block(3).ids)
        let fromDisk = Self.drain(&onDisk), fromMemory = Self.drain(&inMemory)
        #expect(fromDisk.words == fromMemory.words)
        #expect(fromDisk.ids == fromMemory.ids)
        #expect(inMemory.bytesInMemory <= 2 * oneBlock)
    }
}
