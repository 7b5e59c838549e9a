/// The set of visited states, stored as 64-bit fingerprints in an open-addressing table
/// (linear probing, grown at 3/4 load). 0 marks an empty slot; fingerprints are never 0.
///
/// ```swift
/// var seen = FingerprintSet()
/// seen.insert(fp)   // true: new
/// seen.insert(fp)   // false: already visited
/// ```
struct FingerprintSet: ~Copyable {
    private var table: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private(set) var count = 0

    init(initialCapacity: Int = 1 << 16) {
        capacity = max(16, initialCapacity.nextPowerOfTwo)
        table = .allocate(capacity: capacity)
        table.initialize(repeating: 0, count: capacity)
    }

    deinit { table.deallocate() }

    /// Bytes held by the table.
    var byteCount: Int { capacity * MemoryLayout<UInt64>.stride }

    /// Inserts `fingerprint`; returns whether it was new.
    mutating func insert(_ fingerprint: UInt64) -> Bool {
        precondition(fingerprint != 0, "fingerprint 0 is reserved for empty slots")
        if (count + 1) * 4 > capacity * 3 { grow() }
        let mask = capacity - 1
        var index = Int(truncatingIfNeeded: fingerprint) & mask
        while true {
            let slot = table[index]
            if slot == 0 {
                table[index] = fingerprint
                count += 1
                return true
            }
            if slot == fingerprint { return false }
            index = (index + 1) & mask
        }
    }

    func contains(_ fingerprint: UInt64) -> Bool { view.contains(fingerprint) }

    /// Empties the set, keeping its capacity.
    mutating func removeAll() {
        guard count > 0 else { return }
        table.update(repeating: 0, count: capacity)
        count = 0
    }

    /// A read-only view of the table, for lookups from other threads; valid until the next insert.
    var view: FingerprintView { FingerprintView(table: table, mask: capacity - 1) }

    private mutating func grow() {
        let oldTable = table, oldCapacity = capacity
        capacity *= 2
        table = .allocate(capacity: capacity)
        table.initialize(repeating: 0, count: capacity)
        let mask = capacity - 1
        for position in 0..<oldCapacity where oldTable[position] != 0 {
            var index = Int(truncatingIfNeeded: oldTable[position]) & mask
            while table[index] != 0 { index = (index + 1) & mask }
            table[index] = oldTable[position]
        }
        oldTable.deallocate()
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
    let mask: Int

    func contains(_ fingerprint: UInt64) -> Bool {
        var index = Int(truncatingIfNeeded: fingerprint) & mask
        while true {
            let slot = table[index]
            if slot == 0 { return false }
            if slot == fingerprint { return true }
            index = (index + 1) & mask
        }
    }
}

extension Int {
    /// The smallest power of two ≥ self (self ≥ 1).
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
