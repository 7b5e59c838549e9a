import CPrefetch

/// The set of visited states, stored as 64-bit fingerprints in an open-addressing table with
/// linear probing kept in order (Robin Hood hashing with ties broken by fingerprint, Amble and
/// Knuth's ordered hash table): a fingerprint's home slot never decreases as its `rank` grows, and
/// the occupied slots hold their fingerprints in increasing rank, so a lookup stops at the first
/// empty slot or larger rank, and the table can run 7/8 full with short probes. Runs do not wrap
/// around: they may spill past the last home slot into a few spare slots (whose last one stays
/// empty, so every probe ends), and spare slots are added when a run would fill them.
///
/// It grows by a quarter at 7/8 load, so it is always between 0.7 and 0.875 full: 9.1–11.4 bytes
/// per state (a plain linear-probing table at 1/2–3/4 load costs 10.7–16); growing walks the old
/// table once, in order, and never probes. A fingerprint's home slot is its bits below the top
/// six (`ShardedFingerprintSet` shards by those) scaled to the capacity, which need not be a
/// power of two. 0 marks an empty slot; fingerprints are never 0. The arrays come from
/// `PageMemory`.
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
    /// Home slots: 0..<capacity.
    private var capacity: Int
    /// Slots past the home slots, for runs that spill over the end (the last one stays empty).
    private var spare: Int
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
        spare = 64
        table = PageMemory.allocate(UInt64.self, count: capacity + spare)
        self.wordCount = wordCount
        if wordCount > 0 {
            positions = PageMemory.allocate(UInt32.self, count: capacity + spare)
            states = PageMemory.allocate(UInt64.self, count: Self.limit(capacity: capacity) * wordCount)
        }
    }

    deinit {
        PageMemory.deallocate(table, count: capacity + spare)
        if let positions { PageMemory.deallocate(positions, count: capacity + spare) }
        if let states { PageMemory.deallocate(states, count: Self.limit(capacity: capacity) * wordCount) }
    }

    /// The most entries a table of `capacity` home slots holds before it grows: 7/8 of them.
    @inline(__always) static func limit(capacity: Int) -> Int { capacity - capacity / 8 }

    /// Bytes held by the table (and, in exact mode, the stored states).
    var byteCount: Int {
        (capacity + spare) * MemoryLayout<UInt64>.stride
            + (wordCount > 0 ? (capacity + spare) * MemoryLayout<UInt32>.stride + Self.limit(capacity: capacity) * wordCount * 8 : 0)
    }

    /// Inserts a state by `fingerprint` (and, in exact mode, its packed `words`); returns
    /// whether it was new.
    mutating func insert(_ fingerprint: UInt64, words: UnsafePointer<UInt64>? = nil) -> Bool {
        precondition(fingerprint != 0, "fingerprint 0 is reserved for empty slots")
        precondition(wordCount == 0 || words != nil, "an exact set needs the state's words")
        if count >= Self.limit(capacity: capacity) { rebuild(capacity: capacity + capacity / 4, spare: spare) }
        while true {
            let (index, found) = view.find(fingerprint, words: words)
            if found { return false }
            var empty = index
            while table[empty] != 0 { empty += 1 }
            if empty == capacity + spare - 1 {   // the run would fill the last spare slot
                rebuild(capacity: capacity, spare: spare * 2)
                continue
            }
            // Move the entries from `index` to the empty slot one slot on; the run stays in order.
            UnsafeMutableRawPointer(table + index + 1)
                .copyMemory(from: table + index, byteCount: (empty - index) * MemoryLayout<UInt64>.stride)
            table[index] = fingerprint
            if let positions, let states, let words {
                UnsafeMutableRawPointer(positions + index + 1)
                    .copyMemory(from: positions + index, byteCount: (empty - index) * MemoryLayout<UInt32>.stride)
                positions[index] = UInt32(count)
                (states + count * wordCount).update(from: words, count: wordCount)
            }
            count += 1
            assert(table[capacity + spare - 1] == 0, "the last spare slot must stay empty: every probe ends there")
            return true
        }
    }

    /// The slot a fingerprint's probe starts at: the bits below the shard bits, scaled to
    /// `capacity` (so it never decreases as `rank(_:)` grows).
    @inline(__always) static func home(of fingerprint: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: (fingerprint &<< UInt64(ShardedFingerprintSet.shardBits))
            .multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// The table's order: the bits `home(of:capacity:)` reads, then the shard bits.
    @inline(__always) static func rank(_ fingerprint: UInt64) -> UInt64 {
        fingerprint &<< UInt64(ShardedFingerprintSet.shardBits) | fingerprint &>> UInt64(64 - ShardedFingerprintSet.shardBits)
    }

    func contains(_ fingerprint: UInt64, words: UnsafePointer<UInt64>? = nil) -> Bool {
        view.contains(fingerprint, words: words)
    }

    /// Starts loading `fingerprint`'s home slot into the cache (`FingerprintView.prefetch(_:)`).
    @inline(__always) func prefetch(_ fingerprint: UInt64) {
        view.prefetch(fingerprint)
    }

    /// Empties the set, keeping its capacity.
    mutating func removeAll() {
        guard count > 0 else { return }
        table.update(repeating: 0, count: capacity + spare)
        count = 0
    }

    /// A read-only view of the table, for lookups from other threads; valid until the next insert.
    var view: FingerprintView {
        FingerprintView(table: table, capacity: capacity, positions: positions, states: states, wordCount: wordCount)
    }

    /// Moves every entry to a table of `newCapacity` home slots and at least `newSpare` spare
    /// ones. The old table is in order, so each entry goes to its home slot or the slot after the
    /// previous entry, whichever is later; where that would reach the last spare slot, the spare
    /// slots double and it starts over.
    private mutating func rebuild(capacity newCapacity: Int, spare newSpare: Int) {
        let oldTable = table, oldPositions = positions, oldSlots = capacity + spare
        var newSpare = newSpare
        var newTable: UnsafeMutablePointer<UInt64>, newPositions: UnsafeMutablePointer<UInt32>?
        placing: while true {
            newTable = PageMemory.allocate(UInt64.self, count: newCapacity + newSpare)
            newPositions = wordCount > 0 ? PageMemory.allocate(UInt32.self, count: newCapacity + newSpare) : nil
            var next = 0
            for old in 0..<oldSlots where oldTable[old] != 0 {
                let index = max(next, Self.home(of: oldTable[old], capacity: newCapacity))
                if index >= newCapacity + newSpare - 1 {
                    PageMemory.deallocate(newTable, count: newCapacity + newSpare)
                    if let newPositions { PageMemory.deallocate(newPositions, count: newCapacity + newSpare) }
                    newSpare *= 2
                    continue placing
                }
                newTable[index] = oldTable[old]
                if let oldPositions, let newPositions { newPositions[index] = oldPositions[old] }
                next = index + 1
            }
            break
        }
        if let oldStates = states {
            let newStates = PageMemory.allocate(UInt64.self, count: Self.limit(capacity: newCapacity) * wordCount)
            newStates.update(from: oldStates, count: count * wordCount)
            PageMemory.deallocate(oldStates, count: Self.limit(capacity: capacity) * wordCount)
            states = newStates
        }
        PageMemory.deallocate(oldTable, count: oldSlots)
        if let oldPositions { PageMemory.deallocate(oldPositions, count: oldSlots) }
        table = newTable
        positions = newPositions
        capacity = newCapacity
        spare = newSpare
    }
}

/// Lookups in a `FingerprintSet` that is not being changed, shareable by parallel workers.
///
/// ```swift
/// let view = seen.view          // no insert may happen while workers use it
/// view.contains(fingerprint)
/// for fp in batch { view.prefetch(fp) }        // start every cache miss at once,
/// for fp in batch { _ = view.contains(fp) }    // then probe: the misses overlap
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

    /// Starts loading the cache line of `fingerprint`'s home slot, where `find` will start, and
    /// returns at once. Once the table outgrows the caches every probe waits for memory; issuing
    /// the prefetches of several fingerprints before probing any of them overlaps those waits
    /// (LTSmin and TLC batch their lookups for the same reason). Answers never change.
    @inline(__always) func prefetch(_ fingerprint: UInt64) {
        kripke_prefetch(table + FingerprintSet.home(of: fingerprint, capacity: capacity))
    }

    /// Probes for the state: `found` when it is stored (at `index`); otherwise `index` is the
    /// slot it belongs in, empty or holding the first larger rank. Stored fingerprints of a
    /// smaller rank, and equal ones with other words, are passed over.
    @inline(__always) func find(_ fingerprint: UInt64, words: UnsafePointer<UInt64>?) -> (index: Int, found: Bool) {
        var index = FingerprintSet.home(of: fingerprint, capacity: capacity)
        let rank = FingerprintSet.rank(fingerprint)
        while true {
            let slot = table[index]
            if slot == 0 || FingerprintSet.rank(slot) > rank { return (index, false) }
            if slot == fingerprint && holds(words, at: index) { return (index, true) }
            index += 1
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
