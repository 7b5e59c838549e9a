/// The set of visited states, stored as 64-bit fingerprints in an open-addressing table
/// (linear probing, grown by half at 3/4 load, so it is always between 1/2 and 3/4 full: 10.7–16
/// bytes per state; doubling would leave it as little as 3/8 full, 21 bytes per state). A
/// fingerprint's home slot is its bits below the top six (`ShardedFingerprintSet` shards by
/// those) scaled to the capacity, which need not be a power of two. 0 marks an empty slot;
/// fingerprints are never 0.
///
/// In *exact* mode (`wordCount > 0`) it also keeps each state's packed words, and two states
/// are the same only when their words are: a fingerprint collision then costs a comparison,
/// never a state.
///
/// ```swift
/// var seen = FingerprintSet()
/// seen.insert(fp)   // true: new
/// seen.insert(fp)   // false: already visited
/// var exact = FingerprintSet(wordCount: 2)
/// exact.insert(fp, words: packed)   // compares the words on a fingerprint match
/// ```
struct FingerprintSet: ~Copyable {
    private var table: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private(set) var count = 0
    /// Packed words per state in exact mode; 0 stores fingerprints only.
    let wordCount: Int
    /// Exact mode: per table slot, which stored state it holds (an index into `states`).
    private var positions: UnsafeMutablePointer<UInt32>?
    /// Exact mode: the stored states' packed words, in insertion order.
    private var states: UnsafeMutablePointer<UInt64>?
    private var stateCapacity = 0

    init(initialCapacity: Int = 1 << 16, wordCount: Int = 0) {
        capacity = max(16, initialCapacity)
        table = .allocate(capacity: capacity)
        table.initialize(repeating: 0, count: capacity)
        self.wordCount = wordCount
        if wordCount > 0 {
            positions = .allocate(capacity: capacity)
            stateCapacity = capacity * 3 / 4
            states = .allocate(capacity: stateCapacity * wordCount)
        }
    }

    deinit {
        table.deallocate()
        positions?.deallocate()
        states?.deallocate()
    }

    /// Bytes held by the table (and, in exact mode, the stored states).
    var byteCount: Int {
        capacity * MemoryLayout<UInt64>.stride
            + (wordCount > 0 ? capacity * MemoryLayout<UInt32>.stride + stateCapacity * wordCount * 8 : 0)
    }

    /// Inserts a state by `fingerprint` (and, in exact mode, its packed `words`); returns
    /// whether it was new.
    mutating func insert(_ fingerprint: UInt64, words: UnsafePointer<UInt64>? = nil) -> Bool {
        precondition(fingerprint != 0, "fingerprint 0 is reserved for empty slots")
        precondition(wordCount == 0 || words != nil, "an exact set needs the state's words")
        if (count + 1) * 4 > capacity * 3 { grow() }
        var index = Self.home(of: fingerprint, capacity: capacity)
        while true {
            let slot = table[index]
            if slot == 0 {
                table[index] = fingerprint
                if let positions, let states, let words {
                    positions[index] = UInt32(count)
                    (states + count * wordCount).update(from: words, count: wordCount)
                }
                count += 1
                return true
            }
            if slot == fingerprint && view.holds(words, at: index) { return false }
            index += 1
            if index == capacity { index = 0 }
        }
    }

    /// The slot a fingerprint's probe starts at: the bits below the shard bits, scaled to `capacity`.
    @inline(__always) static func home(of fingerprint: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: (fingerprint &<< UInt64(ShardedFingerprintSet.shardBits))
            .multipliedFullWidth(by: UInt64(capacity)).high)
    }

    func contains(_ fingerprint: UInt64, words: UnsafePointer<UInt64>? = nil) -> Bool {
        view.contains(fingerprint, words: words)
    }

    /// Empties the set, keeping its capacity.
    mutating func removeAll() {
        guard count > 0 else { return }
        table.update(repeating: 0, count: capacity)
        count = 0
    }

    /// A read-only view of the table, for lookups from other threads; valid until the next insert.
    var view: FingerprintView {
        FingerprintView(table: table, capacity: capacity, positions: positions, states: states, wordCount: wordCount)
    }

    private mutating func grow() {
        let oldTable = table, oldPositions = positions, oldCapacity = capacity
        capacity += capacity / 2
        table = .allocate(capacity: capacity)
        table.initialize(repeating: 0, count: capacity)
        if wordCount > 0 {
            positions = .allocate(capacity: capacity)
            let oldStates = states!
            states = .allocate(capacity: capacity * 3 / 4 * wordCount)
            states!.update(from: oldStates, count: count * wordCount)
            stateCapacity = capacity * 3 / 4
            oldStates.deallocate()
        }
        for position in 0..<oldCapacity where oldTable[position] != 0 {
            var index = Self.home(of: oldTable[position], capacity: capacity)
            while table[index] != 0 {
                index += 1
                if index == capacity { index = 0 }
            }
            table[index] = oldTable[position]
            if let positions, let oldPositions { positions[index] = oldPositions[position] }
        }
        oldTable.deallocate()
        oldPositions?.deallocate()
    }
}

/// Lookups in a `FingerprintSet` that is not being changed, shareable by parallel workers.
///
/// ```swift
/// let view = seen.view          // no insert may happen while workers use it
/// view.contains(fingerprint)
/// ```
struct FingerprintView: @unchecked Sendable {
    let table: UnsafeMutablePointer<UInt64>
    let capacity: Int
    let positions: UnsafeMutablePointer<UInt32>?
    let states: UnsafeMutablePointer<UInt64>?
    let wordCount: Int

    func contains(_ fingerprint: UInt64, words: UnsafePointer<UInt64>? = nil) -> Bool {
        var index = FingerprintSet.home(of: fingerprint, capacity: capacity)
        while true {
            let slot = table[index]
            if slot == 0 { return false }
            if slot == fingerprint && holds(words, at: index) { return true }
            index += 1
            if index == capacity { index = 0 }
        }
    }

    /// Whether the occupied slot `index` holds the state with these words (always, when the
    /// set stores fingerprints only).
    @inline(__always) func holds(_ words: UnsafePointer<UInt64>?, at index: Int) -> Bool {
        guard let positions, let states, let words else { return true }
        let stored = states + Int(positions[index]) * wordCount
        for word in 0..<wordCount where stored[word] != words[word] { return false }
        return true
    }
}

extension Int {
    /// The smallest power of two ≥ self (self ≥ 1).
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
