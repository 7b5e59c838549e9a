/// The cycle proviso's question for breadth-first search with partial-order reduction: was this
/// successor found *before* the state being expanded? States are found in a total order (level by
/// level, and within the level being expanded in frontier order), and the proviso expands a state
/// fully when a kept successor comes earlier in that order than the state itself (see
/// `ExpansionWorker.expandReduced`). The state itself counts as found before it.
///
/// - not visited yet, or first found in the level being built (depth d + 1): later;
/// - in the level being expanded (depth d): its frontier position decides;
/// - otherwise (depth < d): earlier.
///
/// ```swift
/// let order = DiscoveryOrder(visited: seen.view, nextLevel: nextLevel.view, currentLevel: level.view)
/// order.foundBefore(fingerprint, position: 12)
/// ```
struct DiscoveryOrder: Sendable {
    let visited: ShardedFingerprintView
    let nextLevel: ShardedFingerprintView
    let currentLevel: LevelIndex.View

    /// Whether the state is the frontier state at `position` of the level being expanded, or was
    /// found before it (a self-loop closes a cycle too).
    func foundBefore(_ fingerprint: UInt64, position: Int) -> Bool {
        guard visited.contains(fingerprint), !nextLevel.contains(fingerprint) else { return false }
        guard let other = currentLevel.position(of: fingerprint) else { return true }
        return other <= position
    }
}

/// Frontier positions of the states of one BFS level, by fingerprint (open addressing, linear
/// probing, at most half full).
///
/// ```swift
/// var level = LevelIndex(fingerprints: frontierFingerprints)
/// level.view.position(of: fp)   // its index in the frontier, or nil
/// ```
struct LevelIndex: ~Copyable {
    private let keys: UnsafeMutablePointer<UInt64>
    private let positions: UnsafeMutablePointer<UInt32>
    private let mask: Int

    init<S: Sequence>(fingerprints: S, count: Int) where S.Element == UInt64 {
        let capacity = max(16, (2 * count).nextPowerOfTwo)
        mask = capacity - 1
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        positions = .allocate(capacity: capacity)
        positions.initialize(repeating: 0, count: capacity)
        for (position, fingerprint) in fingerprints.enumerated() {
            var index = Int(truncatingIfNeeded: fingerprint) & mask
            while keys[index] != 0 { index = (index + 1) & mask }
            keys[index] = fingerprint
            positions[index] = UInt32(position)
        }
    }

    deinit {
        keys.deallocate()
        positions.deallocate()
    }

    var view: View { View(keys: keys, positions: positions, mask: mask) }

    /// Read-only lookups, shareable by parallel workers while the index lives.
    struct View: @unchecked Sendable {
        let keys: UnsafeMutablePointer<UInt64>
        let positions: UnsafeMutablePointer<UInt32>
        let mask: Int

        func position(of fingerprint: UInt64) -> Int? {
            var index = Int(truncatingIfNeeded: fingerprint) & mask
            while true {
                let key = keys[index]
                if key == 0 { return nil }
                if key == fingerprint { return Int(positions[index]) }
                index = (index + 1) & mask
            }
        }
    }
}
