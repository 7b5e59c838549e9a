@testable import Explorer
import Kripke
import Testing

/// Packed states round-trip, fingerprints separate states, the visited set behaves as a set.
@Suite struct PackingTests {
    static let spec = SpecDefinition(name: "pack", summary: "", parameters: [], expectation: .holds) { s in
        let procs = s.processes("p", count: 3)
        let small = s.variable("small", per: procs, in: .range(-2...5), initial: -2)
        let flag = s.variable("flag", per: procs, procs, in: .bool, initial: false)
        let owner = s.global("owner", in: .processOrNone(procs), initial: .none)
        let ts = Field("ts", .range(0...6))
        let hello = s.message("hello", ts)
        s.network(.unordered(capacity: 3))
        s.action("step", for: procs) { i in
            small[i] <- 5
            flag[i, i] <- true
            owner <- i
            Send(hello.with(ts, 6), from: i, to: procs.next(i))
        }
        s.on(hello, at: procs) { _ in }
    }

    @Test func packUnpackRoundTripsEveryExtremeValue() throws {
        let system = try TransitionSystem(try Self.spec.instantiate())
        let layout = system.layout
        var state = [Int](repeating: 0, count: layout.slotCount)
        for slot in 0..<layout.slotCount { state[slot] = slot % 2 == 0 ? layout.slotLower[slot] : layout.slotUpper[slot] }
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: system.packer.wordCount)
        let back = UnsafeMutablePointer<Int>.allocate(capacity: layout.slotCount)
        defer { words.deallocate(); back.deallocate() }
        state.withUnsafeBufferPointer { system.packer.pack($0.baseAddress!, into: words) }
        system.packer.unpack(words, into: back)
        #expect(Array(UnsafeBufferPointer(start: back, count: layout.slotCount)) == state)
    }

    @Test func layoutUsesFewWords() throws {
        let system = try TransitionSystem(try Self.spec.instantiate())
        // 3 × 3 bits + 9 × 1 bit + 3 bits (owner −1…2) + 3 bag slots × 6 bits (1 + 9 pairs × 7 codes = 64 values) = 39 bits.
        #expect(system.layout.slotCount == 3 + 9 + 1 + 3)
        #expect(system.packer.wordCount == 1)
    }

    @Test func messageCodecRoundTrips() throws {
        let ir = try Self.spec.instantiate()
        let codec = MessageNumbering(ir)
        #expect(codec.messageCount == 7)
        let fields = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        defer { fields.deallocate() }
        for value in 0...6 {
            fields[0] = value
            let code = try #require(codec.code(kind: 0, fields: fields))
            fields[0] = -1
            #expect(codec.decode(code, into: fields) == 0)
            #expect(fields[0] == value)
        }
        fields[0] = 7
        #expect(codec.code(kind: 0, fields: fields) == nil)
    }

    @Test func fingerprintSetInsertsOnceAndGrows() {
        var set = FingerprintSet(initialCapacity: 16)
        var fresh = 0, repeated = 0
        for value in 1...10_000 where set.insert(StatePacker.mix(UInt64(value)) | 1) { fresh += 1 }
        for value in 1...10_000 where set.insert(StatePacker.mix(UInt64(value)) | 1) { repeated += 1 }
        #expect(fresh == 10_000)
        #expect(repeated == 0)
        let count = set.count, holdsOne = set.contains(StatePacker.mix(1) | 1), holdsTwo = set.contains(2)
        let bytes = set.byteCount
        #expect(count == 10_000)
        #expect(holdsOne)
        #expect(!holdsTwo)
        #expect(bytes >= 10_000 * 9)
    }

    @Test func shardedSetEmptiesAndAgreesWithOneTable() {
        let sharded = ShardedFingerprintSet(initialCapacity: 16)
        var single = FingerprintSet(initialCapacity: 16)
        var disagreements = 0
        for value in 1...20_000 {
            let fingerprint = StatePacker.mix(UInt64(value % 7_000)) | 1
            let new = single.insert(fingerprint)
            if sharded.insert(fingerprint) != new { disagreements += 1 }
        }
        let count = sharded.count, holds = sharded.view.contains(StatePacker.mix(3) | 1)
        #expect(disagreements == 0)
        #expect(count == 7_000)
        #expect(holds)
        single.removeAll()
        let emptied = single.count, stillHolds = single.contains(StatePacker.mix(3) | 1)
        let insertedAgain = single.insert(StatePacker.mix(3) | 1)
        #expect(emptied == 0)
        #expect(!stillHolds)
        #expect(insertedAgain)
    }

    /// In exact mode two states with one fingerprint are both kept; a state seen again is not.
    @Test func exactSetKeepsStatesWhoseFingerprintsCollide() {
        var set = FingerprintSet(initialCapacity: 16, wordCount: 2)
        let sharded = ShardedFingerprintSet(initialCapacity: 16, wordCount: 2)
        var outcomes: [Bool] = []
        for value in 0..<100 {
            let words: [UInt64] = [UInt64(value), 7]
            // Every fingerprint is one of two values: most states collide with another.
            let fingerprint: UInt64 = value % 2 == 0 ? 0xABCD : 0x1234_5678_9ABC_DEF1
            let first = words.withUnsafeBufferPointer { set.insert(fingerprint, words: $0.baseAddress!) }
            let again = words.withUnsafeBufferPointer { set.insert(fingerprint, words: $0.baseAddress!) }
            let shardedFirst = words.withUnsafeBufferPointer { sharded.insert(fingerprint, words: $0.baseAddress!) }
            outcomes += [first, !again, shardedFirst]
        }
        let count = set.count, shardedCount = sharded.count
        let other: [UInt64] = [1_000, 7], known: [UInt64] = [42, 7]
        let holdsOther = other.withUnsafeBufferPointer { set.contains(0xABCD, words: $0.baseAddress!) }
        let holdsKnown = known.withUnsafeBufferPointer { sharded.view.contains(0xABCD, words: $0.baseAddress!) }
        #expect(outcomes.allSatisfy { $0 })
        #expect(count == 100)
        #expect(shardedCount == 100)
        #expect(!holdsOther)
        #expect(holdsKnown)
    }

    @Test func collisionProbabilityIsTheBirthdayBound() {
        var statistics = SearchStatistics()
        statistics.states = 1 << 32
        #expect(abs(statistics.fingerprintCollisionProbability - 0.5) < 1e-6)
        statistics.states = 2_196_650
        #expect(abs(statistics.fingerprintCollisionProbability - 1.308e-7) < 1e-9)
        statistics.states = 1
        #expect(statistics.fingerprintCollisionProbability == 0)
    }

    @Test func unorderedBagIsCanonical() throws {
        let system = try TransitionSystem(try Self.spec.instantiate())
        let layout = system.layout
        let machine = system.makeMachine()
        var orders: [[Int]] = []
        for permutation in [[0, 1, 2], [2, 0, 1], [1, 2, 0]] {
            system.initialStates[0].withUnsafeBufferPointer { machine.load($0.baseAddress!) }
            for code in permutation { #expect(NetworkOps.send(code: code, from: 0, to: 1, in: machine.state, layout: layout)) }
            #expect(!NetworkOps.send(code: 3, from: 0, to: 1, in: machine.state, layout: layout))
            orders.append(Array(UnsafeBufferPointer(start: machine.state + layout.networkBase, count: 3)))
        }
        #expect(orders[0] == orders[1])
        #expect(orders[1] == orders[2])
        #expect(orders[0] == orders[0].sorted(by: >))
    }
}
