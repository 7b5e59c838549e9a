@testable import Explorer
import KripkeTestSupport
import Testing

/// The ordered visited table answers every insert and lookup as a `Set` would — random
/// fingerprints, fingerprints crowding a few home slots, runs that spill past the last home slot
/// and need more spare slots — across many growths, with fingerprints only and in exact mode.
@Suite struct FingerprintSetTests {
    /// Fingerprints whose low 58 bits (what the home slot is made of) lie in `width` values from
    /// `base`, with any top six bits: they crowd a few home slots at any capacity.
    static func crowded(_ random: inout SplitMix, base: UInt64, width: UInt64) -> UInt64 {
        let low = (base &+ random.next() % width) & (1 << 58 - 1)
        let fingerprint = random.next() & ~(1 << 58 - 1) | low
        return fingerprint == 0 ? 1 : fingerprint
    }

    /// Inserts `fingerprints` (with lookups of each before and after) into a set that starts at 16
    /// slots and into a `Set`; returns how many answers differed.
    static func disagreements(_ fingerprints: [UInt64], probes: [UInt64]) -> Int {
        var set = FingerprintSet(initialCapacity: 16)
        var reference = Set<UInt64>()
        var wrong = 0
        for fingerprint in fingerprints {
            if set.contains(fingerprint) != reference.contains(fingerprint) { wrong += 1 }
            if set.insert(fingerprint) != reference.insert(fingerprint).inserted { wrong += 1 }
            if !set.contains(fingerprint) { wrong += 1 }
        }
        let view = set.view
        for probe in probes where view.contains(probe) != reference.contains(probe) { wrong += 1 }
        for fingerprint in reference where !view.contains(fingerprint) { wrong += 1 }
        if set.count != reference.count { wrong += 1 }
        return wrong
    }

    @Test func randomFingerprintsAgreeWithASet() {
        var random = SplitMix(seed: 11)
        let pool = (0..<60_000).map { _ in random.next() | 1 }
        let fingerprints = (0..<150_000).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
        let probes = (0..<50_000).map { _ in random.next() | 1 }
        #expect(Self.disagreements(fingerprints, probes: probes) == 0)
    }

    /// Clusters at the low and high ends of the home range (runs thousands of slots long spill
    /// past the last home slot), one in the middle, and repeated low bits under different shard
    /// bits.
    @Test func crowdedAndSpillingFingerprintsAgreeWithASet() {
        var random = SplitMix(seed: 12)
        let top: UInt64 = 1 << 58
        var fingerprints: [UInt64] = []
        for round in 0..<8_000 {
            switch round % 4 {
            case 0: fingerprints.append(Self.crowded(&random, base: top - 1_000, width: 1_000))
            case 1: fingerprints.append(Self.crowded(&random, base: 0, width: 1_000))
            case 2: fingerprints.append(Self.crowded(&random, base: top / 2, width: 500))
            default: fingerprints.append(Self.crowded(&random, base: top - 2, width: 4))
            }
        }
        fingerprints += fingerprints.shuffled(using: &random)
        let probes = (0..<10_000).map { round in
            Self.crowded(&random, base: round % 2 == 0 ? top - 2_000 : 0, width: 4_000)
        }
        #expect(Self.disagreements(fingerprints, probes: probes) == 0)
    }

    /// Exact mode: states are (fingerprint, words) pairs; many states share one fingerprint, and
    /// the fingerprints crowd the table's ends.
    @Test func exactSetAgreesWithASetOfStates() {
        var random = SplitMix(seed: 13)
        let top: UInt64 = 1 << 58
        let fingerprints = (0..<300).map { index in
            index % 3 == 2 ? random.next() | 1 : Self.crowded(&random, base: index % 3 == 0 ? top - 200 : 0, width: 200)
        }
        var set = FingerprintSet(initialCapacity: 16, wordCount: 2)
        var reference = Set<[UInt64]>()
        var wrong = 0
        func contains(_ state: [UInt64], in set: borrowing FingerprintSet) -> Bool {
            state.withUnsafeBufferPointer { set.contains(state[0], words: $0.baseAddress! + 1) }
        }
        for _ in 0..<15_000 {
            let state: [UInt64] = [fingerprints[Int(random.next() % 300)], random.next() % 12, 7]
            if contains(state, in: set) != reference.contains(state) { wrong += 1 }
            let new = state.withUnsafeBufferPointer { set.insert(state[0], words: $0.baseAddress! + 1) }
            if new != reference.insert(state).inserted { wrong += 1 }
        }
        for state in reference where !contains(state, in: set) { wrong += 1 }
        for _ in 0..<5_000 {
            let state: [UInt64] = [fingerprints[Int(random.next() % 300)], 12 + random.next() % 40, 7]
            if contains(state, in: set) { wrong += 1 }
        }
        let count = set.count
        #expect(wrong == 0)
        #expect(count == reference.count)
    }

    /// Past its first growths the table is 0.7–0.875 full (up to rounding and 64 spare slots):
    /// 9.1–11.5 bytes per fingerprint.
    @Test func tableStaysBetweenSevenTenthsAndSevenEighthsFull() {
        var random = SplitMix(seed: 14)
        var set = FingerprintSet(initialCapacity: 16)
        var lowest = Double.infinity, highest = 0.0
        for inserted in 1...200_000 {
            _ = set.insert(random.next() | 1)
            if inserted >= 20_000 {
                let bytes = Double(set.byteCount) / Double(set.count)
                lowest = min(lowest, bytes)
                highest = max(highest, bytes)
            }
        }
        #expect(lowest >= 9.1)
        #expect(highest <= 11.5)
    }

    /// Prefetching home slots changes no answer: eight inserts ahead of a sharded set whose
    /// tables grow many times (a prefetch issued before a growth reads the old table), and
    /// before each lookup through its view, with crowded fingerprints among random ones.
    @Test func prefetchingChangesNoAnswer() {
        var random = SplitMix(seed: 15)
        let pool = (0..<30_000).map { index in
            index % 4 == 0 ? Self.crowded(&random, base: 1 << 58 - 500, width: 500) : random.next() | 1
        }
        let fingerprints = (0..<80_000).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
        let seen = ShardedFingerprintSet(initialCapacity: 64)
        var reference = Set<UInt64>()
        var wrong = 0
        for (index, fingerprint) in fingerprints.enumerated() {
            if index + 8 < fingerprints.count { seen.prefetch(fingerprints[index + 8]) }
            if seen.insert(fingerprint) != reference.insert(fingerprint).inserted { wrong += 1 }
        }
        let view = seen.view
        for probe in pool + (0..<20_000).map({ _ in random.next() | 1 }) {
            view.prefetch(probe)
            if view.contains(probe) != reference.contains(probe) { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(seen.count == reference.count)
    }
}
