import Foundation
import Testing

/// `kripke check` on liveness: a proof, a lasso with its exit code and artifacts, the switch that
/// skips it, and a limit met while building the graph.
@Suite struct LivenessCommandTests {
    @Test func tokenRingProvesStarvationFreedom() throws {
        let output = try CommandRunner.run(["check", "token-ring", "--quiet"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("liveness 'starvation freedom (p0)', 'starvation freedom (p1)', "
                                       + "'starvation freedom (p2)' hold on every fair run"))
        #expect(output.stdout.contains("Liveness: 900 states, 1920 transitions searched for fair cycles, without reductions"))
    }

    @Test func majorityVotingShowsAStarvingLasso() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-lasso-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let itf = folder.appendingPathComponent("lasso.itf.json").path
        let output = try CommandRunner.run(["check", "majority-voting", "--quiet", "--trace-out", itf])
        #expect(output.status == 1)
        #expect(output.stdout.contains("Result: VIOLATED — liveness 'starvation freedom (client0)' fails: a fair run "
                                       + "repeats a cycle of 9 steps forever without it"))
        #expect(output.stdout.contains("Lasso (6 steps to the cycle, then 9 repeated forever):"))
        #expect(output.stdout.contains("── cycle: from state 6 the run repeats steps 7–15 forever ──"))
        #expect(output.stdout.contains("── back to state 6: the cycle repeats ──"))
        #expect(output.stdout.contains("⇒ liveness 'starvation freedom (client0)' is violated: the cycle is fair — "
                                       + "weak fairness of client0: taken in the cycle"))
        let replay = try CommandRunner.run(["trace", "replay", itf])
        #expect(replay.status == 0)
        #expect(try String(contentsOfFile: itf, encoding: .utf8).contains("\"loop\": 6"))
    }

    @Test func noLivenessSkipsIt() throws {
        let output = try CommandRunner.run(["check", "majority-voting", "--quiet", "--no-liveness"])
        #expect(output.status == 0)
        #expect(!output.stdout.contains("iveness"))
    }

    @Test func aLimitWhileBuildingTheGraphIsIncomplete() throws {
        let output = try CommandRunner.run(["check", "majority-voting", "--quiet", "--max-states", "8000"])
        #expect(output.status == 3)
        #expect(output.stdout.contains("Result: INCOMPLETE — liveness: state limit reached (8000 states) while building "
                                       + "the graph for liveness"))
    }
}

/// `kripke bmc` looks for fair lassos of at most the depth once the invariants hold that far.
@Suite struct BoundedLivenessCommandTests {
    @Test func bmcFindsTheShortestStarvingLasso() throws {
        let output = try CommandRunner.run(["bmc", "majority-voting", "--param", "K=1", "--depth", "10", "--quiet"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("Result: VIOLATED — liveness 'starvation freedom (client0)' fails: a fair run "
                                       + "repeats a cycle of 4 steps forever without it"))
        #expect(output.stdout.contains("Lasso (6 steps to the cycle, then 4 repeated forever):"))
    }

    @Test func bmcFindsNoLassoWithinTheBound() throws {
        let output = try CommandRunner.run(["bmc", "token-ring", "--depth", "6", "--quiet", "--bounded"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("no fair run of at most 6 steps violates liveness 'starvation freedom (p0)'"))
        let skipped = try CommandRunner.run(["bmc", "majority-voting", "--param", "K=1", "--depth", "10", "--quiet", "--no-liveness", "--bounded"])
        #expect(skipped.status == 0)
    }
}
