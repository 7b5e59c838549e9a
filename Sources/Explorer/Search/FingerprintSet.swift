/// The set of visited states, stored as 64-bit fingerprints in an open-addressing table with
/// Robin Hood linear probing: along a run of occupied slots the entries stay in the order of their
/// home slots (ties by fingerprint), so a lookup for an absent fingerprint stops at the first
/// entry that belongs after it, and the table can run 7/8 full with short probes. It grows by a
/// quarter at 7/8 load, so it is always between 0.7 and 0.875 full: 9.1–11.4 bytes per state (a
/// plain linear-probing table at 1/2–3/4 load costs 10.7–16). A fingerprint's home slot is its
/// bits below the top six (`ShardedFingerprintSet` shards by those) scaled to the capacity,
/// which need not be a power of two. 0 marks an empty slot; fingerprints are never 0.
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
    /// Exact mode: per table slot, which stored state it holds (an index into `states`); moves
    /// with its slot's entry.
    private var positions: UnsafeMutablePointer<UInt32>?
    /// Exact mode: the stored states' packed words, in insertion order.
    private var states: UnsafeMutablePointer<UInt64>?

    init(initialCapacity: Int = 1 << 16, wordCount: Int = 0) {
        capacity = max(16, initialCapacity)
        table = PageMemory.allocate(UInt64.self, count: capacity)
        self.wordCount = wordCount
        if wordCount > 0 {
            positions = PageMemory.allocate(UInt32.self, count: capacity)
            states = PageMemory.allocate(UInt64.self, count: Self.limit(capacity: capacity) * wordCount)
        }
    }

    deinit {
        PageMemory.deallocate(table, count: capacity)
        if let positions { PageMemory.deallocate(positions, count: capacity) }
        if let states { PageMemory.deallocate(states, count: Self.limit(capacity: capacity) * wordCount) }
    }

    /// The most entries a table of `capacity` slots holds before it grows: 7/8 of them.
    @inline(__always) static func limit(capacity: Int) -> Int { capacity - capacity / 8 }

    /// Bytes held by the table (and, in exact mode, the stored states).
    var byteCount: Int {
        capacity * MemoryLayout<UInt64>.stride
            + (wordCount > 0 ? capacity * MemoryLayout<UInt32>.stride + Self.limit(capacity: capacity) * wordCount * 8 : 0)
    }

    /// Inserts a state by `fingerprint` (and, in exact mode, its packed `words`); returns
    /// whether it was new.
    mutating func insert(_ fingerprint: UInt64, words: UnsafePointer<UInt64>? = nil) -> Bool {
        precondition(fingerprint != 0, "fingerprint 0 is reserved for empty slots")
        precondition(wordCount == 0 || words != nil, "an exact set needs the state's words")
        if count >= Self.limit(capacity: capacity) { grow() }
        let (index, found) = view.find(fingerprint, words: words)
        if found { return false }
        place(fingerprint, at: index, position: count)
        if let states, let words { (states + count * wordCount).update(from: words, count: wordCount) }
        count += 1
        return true
    }

    /// The slot a fingerprint's probe starts at: the bits below the shard bits, scaled to
    /// `capacity` (so it never decreases as those bits grow).
    @inline(__always) static func home(of fingerprint: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: (fingerprint &<< UInt64(ShardedFingerprintSet.shardBits))
            .multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// How far the entry in slot `index` sits past its home slot (wrapping at the table's end).
    @inline(__always) static func displacement(of entry: UInt64, at index: Int, capacity: Int) -> Int {
        let home = Self.home(of: entry, capacity: capacity)
        return index >= home ? index - home : index + capacity - home
    }

    /// The order of entries with one home slot: the bits `home(of:capacity:)` reads first, then
    /// the shard bits, so that it agrees with the home slots' order.
    @inline(__always) static func rank(_ fingerprint: UInt64) -> UInt64 {
        fingerprint &<< UInt64(ShardedFingerprintSet.shardBits) | fingerprint &>> UInt64(64 - ShardedFingerprintSet.shardBits)
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

    /// Puts `fingerprint` into slot `index` (where `FingerprintView.find` stopped), moving the
    /// entries from there to the next empty slot one slot on, so that the run stays in order.
    private mutating func place(_ fingerprint: UInt64, at index: Int, position: Int) {
        var empty = index
        while table[empty] != 0 {
            empty += 1
            if empty == capacity { empty = 0 }
        }
        if empty >= index {
            shiftUp(index, empty)
        } else {
            shiftUp(0, empty)
            table[0] = table[capacity - 1]
            if let positions { positions[0] = positions[capacity - 1] }
            shiftUp(index, capacity - 1)
        }
        table[index] = fingerprint
        if let positions { positions[index] = UInt32(position) }
    }

    /// Moves the entries of slots `start..<end` (and their positions) one slot up.
    @inline(__always) private func shiftUp(_ start: Int, _ end: Int) {
        guard end > start else { return }
        UnsafeMutableRawPointer(table + start + 1)
            .copyMemory(from: table + start, byteCount: (end - start) * MemoryLayout<UInt64>.stride)
        if let positions {
            UnsafeMutableRawPointer(positions + start + 1)
                .copyMemory(from: positions + start, byteCount: (end - start) * MemoryLayout<UInt32>.stride)
        }
    }

    /// Moves every entry to a table a quarter larger. The old table is read from just after an
    /// empty slot, so the entries mostly come in order and land at the end of their runs.
    private mutating func grow() {
        let oldTable = table, oldPositions = positions, oldCapacity = capacity
        capacity += capacity / 4
        table = PageMemory.allocate(UInt64.self, count: capacity)
        if wordCount > 0 {
            positions = PageMemory.allocate(UInt32.self, count: capacity)
            let oldStates = states!
            states = PageMemory.allocate(UInt64.self, count: Self.limit(capacity: capacity) * wordCount)
            states!.update(from: oldStates, count: count * wordCount)
            PageMemory.deallocate(oldStates, count: Self.limit(capacity: oldCapacity) * wordCount)
        }
        var start = 0
        while oldTable[start] != 0 { start += 1 }
        for step in 1...oldCapacity {
            let old = (start + step) % oldCapacity
            let entry = oldTable[old]
            guard entry != 0 else { continue }
            place(entry, at: view.insertionIndex(of: entry), position: Int(oldPositions?[old] ?? 0))
        }
        PageMemory.deallocate(oldTable, count: oldCapacity)
        if let oldPositions { PageMemory.deallocate(oldPositions, count: oldCapacity) }
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
        find(fingerprint, words: words).found
    }

    /// Probes for the state: `found` when it is stored (at `index`); otherwise `index` is the
    /// slot it belongs in — empty, or the first entry ordered after it.
    @inline(__always) func find(_ fingerprint: UInt64, words: UnsafePointer<UInt64>?) -> (index: Int, found: Bool) {
        var index = FingerprintSet.home(of: fingerprint, capacity: capacity)
        let rank = FingerprintSet.rank(fingerprint)
        var distance = 0
        while true {
            let slot = table[index]
            if slot == 0 { return (index, false) }
            let slotDistance = FingerprintSet.displacement(of: slot, at: index, capacity: capacity)
            if slotDistance < distance { return (index, false) }   // its home is past ours
            if slotDistance == distance {   // the same home: ordered by rank
                if slot == fingerprint {
                    if holds(words, at: index) { return (index, true) }
                } else if FingerprintSet.rank(slot) > rank {
                    return (index, false)
                }
            }
            index += 1
            distance += 1
            if index == capacity { index = 0 }
        }
    }

    /// Where a fingerprint not compared for equality goes: after every entry ordered before it
    /// or equal to it (growing an exact set moves states whose fingerprints collide).
    func insertionIndex(of fingerprint: UInt64) -> Int {
        var index = FingerprintSet.home(of: fingerprint, capacity: capacity)
        let rank = FingerprintSet.rank(fingerprint)
        var distance = 0
        while true {
            let slot = table[index]
            if slot == 0 { return index }
            let slotDistance = FingerprintSet.displacement(of: slot, at: index, capacity: capacity)
            if slotDistance < distance || (slotDistance == distance && FingerprintSet.rank(slot) > rank) { return index }
            index += 1
            distance += 1
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
