/// Packs an unpacked state (one `Int` per slot) into fixed-width 64-bit words laid out from the
/// slots' value ranges, and computes the 64-bit fingerprint of a packed state.
///
/// ```swift
/// let packer = StatePacker(layout)   // shared, immutable
/// packer.pack(state, into: words)
/// let fp = packer.fingerprint(words)
/// packer.unpack(words, into: state)
/// ```
final class StatePacker: @unchecked Sendable {   // immutable after init; the buffer is owned
    private struct SlotPacking {
        var word: Int
        var shift: UInt64
        var mask: UInt64
        var lower: Int
    }
    private let slots: UnsafeMutablePointer<SlotPacking>
    /// Per word, the slot after its last one.
    private let wordEnds: UnsafeMutablePointer<Int>
    private let slotCount: Int
    let wordCount: Int

    init(_ layout: StateLayout) {
        var word: [Int] = []
        var shift: [UInt64] = []
        var mask: [UInt64] = []
        var currentWord = 0
        var used = 0
        for slot in 0..<layout.slotCount {
            let span = UInt64(layout.slotUpper[slot] - layout.slotLower[slot])
            let bits = span == 0 ? 0 : 64 - span.leadingZeroBitCount
            if used + bits > 64 {
                currentWord += 1
                used = 0
            }
            word.append(currentWord)
            shift.append(UInt64(used))
            mask.append(bits == 64 ? ~0 : (UInt64(1) << UInt64(bits)) - 1)
            used += bits
        }
        slotCount = layout.slotCount
        slots = .allocate(capacity: max(slotCount, 1))
        for slot in 0..<slotCount {
            (slots + slot).initialize(to: SlotPacking(word: word[slot], shift: shift[slot], mask: mask[slot],
                                                      lower: layout.slotLower[slot]))
        }
        wordCount = currentWord + 1
        wordEnds = .allocate(capacity: wordCount)
        for index in 0..<wordCount {
            (wordEnds + index).initialize(to: (word.lastIndex(of: index) ?? -1) + 1)
        }
    }

    deinit {
        slots.deallocate()
        wordEnds.deallocate()
    }

    /// Slots fill words in order, so each word is assembled in a register from its run of slots
    /// (`wordEnds`) and stored once.
    func pack(_ state: UnsafePointer<Int>, into words: UnsafeMutablePointer<UInt64>) {
        var index = 0
        for word in 0..<wordCount {
            var accumulator: UInt64 = 0
            let end = wordEnds[word]
            while index < end {
                let slot = slots[index]
                accumulator |= (UInt64(truncatingIfNeeded: state[index] &- slot.lower) & slot.mask) &<< slot.shift
                index += 1
            }
            words[word] = accumulator
        }
    }

    func unpack(_ words: UnsafePointer<UInt64>, into state: UnsafeMutablePointer<Int>) {
        for index in 0..<slotCount {
            let slot = slots[index]
            state[index] = Int(truncatingIfNeeded: (words[slot.word] &>> slot.shift) & slot.mask) &+ slot.lower
        }
    }

    /// A 64-bit fingerprint of the packed words (never 0, which marks empty table slots).
    func fingerprint(_ words: UnsafePointer<UInt64>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(wordCount)
        for index in 0..<wordCount {
            hash = StatePacker.mix(hash ^ words[index]) &+ 0x632B_E59B_D9B4_E019
        }
        let result = StatePacker.mix(hash)
        return result == 0 ? 1 : result
    }

    /// The finaliser of SplitMix64/Murmur3: a strong bijective 64-bit mixer.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
