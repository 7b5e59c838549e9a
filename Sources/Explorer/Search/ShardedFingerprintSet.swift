import Dispatch

/// The visited set split into shards by the fingerprint's top bits, so that the workers insert
/// a level's new states in parallel — each shard owned by one thread — and still
/// deterministically: every fingerprint belongs to one shard, whose owner inserts that shard's
/// candidates in frontier order, so "first found" means the same for any number of workers.
/// The partitioned scheme of distributed Murphi, LTSmin and PReach, within one process.
///
/// ```swift
/// let seen = ShardedFingerprintSet()
/// seen.insert(fp)                 // one thread
/// seen.view.contains(fp)          // any thread, while nothing is inserted
/// ```
final class ShardedFingerprintSet {
    /// log2 of the number of shards: 64 shards share out evenly among up to 16–32 threads.
    static let shardBits = 6
    static let shardCount = 1 << shardBits

    private let shards: UnsafeMutablePointer<FingerprintSet>
    /// The shards' views as of the last `view` (a plain buffer: workers reading it share no
    /// reference count).
    private let views: UnsafeMutablePointer<FingerprintView>

    /// Packed words per state when the set is exact (`FingerprintSet`); 0 for fingerprints only.
    let wordCount: Int

    init(initialCapacity: Int = 1 << 10, wordCount: Int = 0) {
        self.wordCount = wordCount
        shards = .allocate(capacity: Self.shardCount)
        views = .allocate(capacity: Self.shardCount)
        for index in 0..<Self.shardCount {
            (shards + index).initialize(to: FingerprintSet(initialCapacity: initialCapacity / Self.shardCount,
                                                           wordCount: wordCount))
            (views + index).initialize(to: shards[index].view)
        }
    }

    deinit {
        shards.deinitialize(count: Self.shardCount)
        shards.deallocate()
        views.deinitialize(count: Self.shardCount)
        views.deallocate()
    }

    /// The shard a fingerprint belongs to (its top bits; the tables index by the low bits).
    @inline(__always) static func shard(of fingerprint: UInt64) -> Int {
        Int(truncatingIfNeeded: fingerprint >> UInt64(64 - shardBits))
    }

    /// Inserts `fingerprint`; returns whether it was new. Not to be called while another thread
    /// inserts into the same shard or reads `view`.
    @inline(__always) func insert(_ fingerprint: UInt64, words: UnsafePointer<UInt64>? = nil) -> Bool {
        shards[Self.shard(of: fingerprint)].insert(fingerprint, words: words)
    }

    /// Starts loading `fingerprint`'s home slot in its shard's current table (which a later
    /// insert may replace: then the prefetch is only wasted).
    @inline(__always) func prefetch(_ fingerprint: UInt64) {
        shards[Self.shard(of: fingerprint)].prefetch(fingerprint)
    }

    /// How many candidates ahead a sequential insert prefetches: enough to overlap several
    /// memory waits, few enough that the lines are still cached when their turn comes.
    static let prefetchDistance = 8

    var count: Int { (0..<Self.shardCount).reduce(0) { $0 + shards[$1].count } }
    var byteCount: Int { (0..<Self.shardCount).reduce(0) { $0 + shards[$1].byteCount } }

    /// Read-only lookups for parallel workers; valid until the next insert.
    var view: ShardedFingerprintView {
        for index in 0..<Self.shardCount { views[index] = shards[index].view }
        return ShardedFingerprintView(shards: views)
    }

    /// Inserts every batch's candidates, in batch order and within a batch in candidate order,
    /// with `threads` threads each owning a run of shards; marks each candidate first found
    /// or not (`ExpansionBatch.firstFound`), and adds those first found to `found` too (with
    /// partial-order reduction: the states first found in the level being built). The outcome
    /// is that of inserting them one by one.
    func insert(_ batches: [ExpansionBatch], threads: Int, alsoNewInto found: ShardedFingerprintSet? = nil) {
        if threads <= 1 {
            for batch in batches {
                batch.withCandidateWords { words in
                    let fingerprints = batch.candidateFingerprints.base, count = batch.candidateCount
                    for candidate in 0..<min(count, Self.prefetchDistance) { prefetch(fingerprints[candidate]) }
                    for candidate in 0..<count {
                        let fingerprint = fingerprints[candidate]
                        if candidate + Self.prefetchDistance < count {
                            prefetch(fingerprints[candidate + Self.prefetchDistance])
                        }
                        let new = insert(fingerprint, words: words(candidate))
                        batch.firstFound[batch.slot(of: candidate)] = new
                        if new { _ = found?.insert(fingerprint) }
                    }
                }
            }
            return
        }
        let shared = SharedShards(shards: shards, found: found?.shards)
        // Each thread owns a run of consecutive shards, whose marks are consecutive slots.
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for shard in (thread * Self.shardCount / threads)..<((thread + 1) * Self.shardCount / threads) {
                // A chunk has a few dozen candidates per shard: start all their misses first.
                for batch in batches {
                    batch.forEachCandidate(inShard: shard) { _, _, fingerprint in shared.shards[shard].prefetch(fingerprint) }
                }
                for batch in batches {
                    batch.withCandidateWords { words in
                        batch.forEachCandidate(inShard: shard) { slot, candidate, fingerprint in
                            let new = shared.shards[shard].insert(fingerprint, words: words(candidate))
                            batch.firstFound[slot] = new
                            if new { _ = shared.found?[shard].insert(fingerprint) }
                        }
                    }
                }
            }
        }
    }
}

/// The shards, handed to the threads of one parallel insert (each thread touches only its own),
/// and those of the set the new states also go to.
private struct SharedShards: @unchecked Sendable {
    let shards: UnsafeMutablePointer<FingerprintSet>
    let found: UnsafeMutablePointer<FingerprintSet>?
}

/// Lookups in a `ShardedFingerprintSet` that is not being changed, shareable by parallel workers.
///
/// ```swift
/// let view = seen.view
/// view.contains(fingerprint)
/// view.prefetch(next)             // load the home slot of a lookup to come
/// ```
struct ShardedFingerprintView: @unchecked Sendable {   // read-only while shared
    let shards: UnsafePointer<FingerprintView>

    @inline(__always) func contains(_ fingerprint: UInt64, words: UnsafePointer<UInt64>? = nil) -> Bool {
        shards[ShardedFingerprintSet.shard(of: fingerprint)].contains(fingerprint, words: words)
    }

    /// Starts loading `fingerprint`'s home slot into the cache (`FingerprintView.prefetch(_:)`).
    @inline(__always) func prefetch(_ fingerprint: UInt64) {
        shards[ShardedFingerprintSet.shard(of: fingerprint)].prefetch(fingerprint)
    }
}
