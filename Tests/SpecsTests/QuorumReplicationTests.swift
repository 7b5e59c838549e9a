import Explorer
import Kripke
import Specs
import Testing

@Suite struct QuorumReplicationTests {
    @Test func holdsAtDefaultsWithPinnedCounts() throws {
        let full = try SpecHarness.check("quorum-replication", symmetry: false)
        #expect(SpecHarness.holds(full))
        #expect(full.statistics.states == 295)
        #expect(full.statistics.transitions == 815)
        #expect(full.statistics.depth == 14)
        // Replicas are interchangeable: one state per orbit under the 3! permutations of their ids.
        let reduced = try SpecHarness.check("quorum-replication")
        #expect(SpecHarness.holds(reduced))
        #expect(reduced.statistics.states == 75)
        #expect(reduced.statistics.transitions == 201)
        #expect(reduced.statistics.depth == 14)
    }

    @Test func holdsForFiveReplicasWithMajorityQuorums() throws {
        let full = try SpecHarness.check("quorum-replication", ["N": 5, "W": 3, "R": 3], symmetry: false)
        #expect(SpecHarness.holds(full))
        #expect(full.statistics.states == 23727)
        let reduced = try SpecHarness.check("quorum-replication", ["N": 5, "W": 3, "R": 3])
        #expect(reduced.statistics.states == 601)
    }

    /// W + R ≤ N: some read quorum misses the write quorum; the shortest run shows it.
    @Test(arguments: [(3, 2, 1, 8), (3, 1, 2, 8), (4, 2, 2, 10)])
    func violatedWhenQuorumsNeedNotOverlap(n: Int, w: Int, r: Int, length: Int) throws {
        let result = try SpecHarness.check("quorum-replication", ["N": n, "W": w, "R": r])
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("read-your-writes"))
        #expect(violation.trace.length == length)
        #expect(violation.trace.states.last?["result"] == .map([.init(key: .name("reader"), value: .int(0))]))
    }

    @Test func toleratesCrashesUpToNMinusMaxQuorum() throws {
        let result = try SpecHarness.check("quorum-replication", ["F": 1], symmetry: false)
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.states == 1180)
    }

    @Test func blocksWithMoreCrashes() throws {
        let result = try SpecHarness.check("quorum-replication", ["F": 2])
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .deadlock)
        #expect(violation.trace.length == 5)
        #expect(violation.trace.steps.filter { $0.action == "crash" }.count == 2)
    }

    @Test func lastReplyBugReturnsAStaleVersion() throws {
        let result = try SpecHarness.check("quorum-replication-last-reply")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.trace.length == 10)
        #expect(violation.trace.steps.last?.message?.fields.first?.value == .int(0))
    }

    @Test func rejectsAQuorumLargerThanTheReplicaSet() {
        #expect(throws: SpecError.self) { try SpecHarness.spec("quorum-replication").instantiate(["N": 2, "W": 3]) }
    }
}
