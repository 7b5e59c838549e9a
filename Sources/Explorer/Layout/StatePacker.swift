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
    /// Per slot, its shift (0 for a slot of one value); per word, the sum of its slots' lower
    /// bounds shifted into place (see `pack`).
    private let shifts: UnsafeMutablePointer<UInt64>
    private let wordBiases: UnsafeMutablePointer<UInt64>
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
        shifts = .allocate(capacity: max(slotCount, 1))
        wordBiases = .allocate(capacity: wordCount)
        wordBiases.initialize(repeating: 0, count: wordCount)
        for slot in 0..<slotCount {
            let used = mask[slot] == 0 ? 0 : shift[slot]
            (shifts + slot).initialize(to: used)
            wordBiases[word[slot]] &+= UInt64(bitPattern: Int64(layout.slotLower[slot])) &<< used
        }
    }

    deinit {
        slots.deallocate()
        wordEnds.deallocate()
        shifts.deallocate()
        wordBiases.deallocate()
    }

    /// Slots fill words in order, so each word is assembled in a register from its run of slots
    /// (`wordEnds`) and stored once. A slot's field is `(value − lower) << shift`; every value lies
    /// in its slot's range (assignments, sends and initial values are checked against their
    /// domains), so the fields do not overlap and their OR is their sum, which is
    /// `Σ value << shift − Σ lower << shift` in wrapping arithmetic. The second sum is the word's
    /// precomputed bias, which leaves two loads, a shift and an add per slot.
    func pack(_ state: UnsafePointer<Int>, into words: UnsafeMutablePointer<UInt64>) {
        var index = 0
        for word in 0..<wordCount {
            var sum: UInt64 = 0
            let end = wordEnds[word]
            while index < end {
                assert(UInt64(bitPattern: Int64(state[index] &- slots[index].lower)) & ~slots[index].mask == 0,
                       "slot \(index) holds \(state[index]), outside its range")
                sum &+= UInt64(bitPattern: Int64(state[index])) &<< shifts[index]
                index += 1
            }
            words[word] = sum &- wordBiases[word]
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
