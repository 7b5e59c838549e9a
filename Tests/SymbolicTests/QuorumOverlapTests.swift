import Symbolic
import Verification
import Testing

/// Quorum overlap: Z3 proves W + R > N ⇒ every write quorum meets every read quorum, for concrete
/// sizes, for every N up to 32, and for every N symbolically; otherwise it returns two disjoint quorums.
@Suite struct QuorumOverlapTests {
    @Test func majoritiesOfThreeOverlap() throws {
        #expect(try QuorumOverlap().check(QuorumSizes(n: 3, w: 2, r: 2)) == .proved)
    }

    @Test func smallQuorumsHaveADisjointPair() throws {
        guard case .disjoint(let write, let read) = try QuorumOverlap().check(QuorumSizes(n: 3, w: 2, r: 1)) else {
            Issue.record("W + R = 3 ≤ N = 3 leaves room for disjoint quorums")
            return
        }
        #expect(write.count == 2 && read.count == 1)
        #expect(Set(write).isDisjoint(with: read))
        #expect(Set(write + read).isSubset(of: 1...3))
    }

    @Test func everyNUpTo32IsProved() throws {
        let results = try QuorumOverlap().checkEveryN(upTo: 32)
        #expect(results.map(\.n) == Array(1...32))
        #expect(results.allSatisfy { $0.verdict == .proved })
    }

    @Test func everyNIsProvedSymbolically() throws {
        #expect(try QuorumOverlap().proveSymbolically())
    }

    @Test func sizesOutsideOneToNAreRejected() {
        #expect(throws: QuorumInputError.self) { try QuorumSizes(n: 3, w: 4, r: 1).validated() }
        #expect(throws: QuorumInputError.self) { try QuorumSizes(n: 0, w: 0, r: 0).validated() }
    }

    @Test func explanationCountsTheSharedReplicas() {
        #expect(QuorumSizes(n: 4, w: 3, r: 2).overlapExplanation
                == "a write quorum and a read quorum together hold W + R = 5 > N = 4 members, "
                 + "so by pigeonhole at least W + R − N = 1 replica is in both")
    }
}
