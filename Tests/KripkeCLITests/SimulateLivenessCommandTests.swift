import Foundation
import Testing
import Traces

/// `kripke simulate` on liveness: a fair violating lasso a run stumbles on is reported as
/// `kripke check` reports one (exit 1, the cycle marked, the fairness it satisfies, a file that
/// replays), with the hint that takes the run again; finding none says it proves nothing.
@Suite struct SimulateLivenessCommandTests {
    @Test func majorityVotingStarvesInARandomRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-simulate-lasso-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let itf = folder.appendingPathComponent("lasso.itf.json").path
        let base = ["simulate", "majority-voting", "--seed", "1", "--quiet"]
        let output = try CommandRunner.run(base + ["--trace-out", itf])
        #expect(output.status == 1)
        #expect(output.stdout.contains("Result: VIOLATED — liveness 'starvation freedom (client0)' fails: a fair run "
                                       + "repeats a cycle of 9 steps forever without it (random run 149)"))
        #expect(output.stdout.contains("Lasso (6 steps to the cycle, then 9 repeated forever):"))
        #expect(output.stdout.contains("── cycle: from state 6 the run repeats steps 7–15 forever ──"))
        #expect(output.stdout.contains("── back to state 6: the cycle repeats ──"))
        #expect(output.stdout.contains("⇒ liveness 'starvation freedom (client0)' is violated: the cycle is fair — "
                                       + "weak fairness of client0: taken in the cycle; weak fairness of coordinator2: taken "
                                       + "in the cycle; weak fairness of coordinator1: taken in the cycle; weak fairness of "
                                       + "coordinator0: taken in the cycle."))
        #expect(output.stdout.contains("Liveness judged on the 158 lassos the runs stumbled on"))
        #expect(!output.stderr.contains("liveness"))
        let replay = try CommandRunner.run(["trace", "replay", itf])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(try String(contentsOfFile: itf, encoding: .utf8).contains("\"loop\": 6"))

        let json = try JSONValue.parse(try CommandRunner.run(base + ["--json"]).stdout)
        #expect(json["verdict"] == .string("violated"))
        #expect(json["stats"]?["lassos"] == .number(158))
        #expect(json["lasso"]?["loop"] == .number(6))
        guard case .array(let properties)? = json["properties"], case .string(let command)? = json["replay"]?["command"] else {
            Issue.record("no properties or replay hint")
            return
        }
        let liveness = properties.filter { $0["kind"] == .string("liveness") }
        #expect(liveness.map { $0["name"] } == [.string("starvation freedom (client0)"), .string("starvation freedom (client1)")])
        #expect(liveness.map { $0["verdict"] } == [.string("violated"), .string("unknown")])
        let again = try JSONValue.parse(try CommandRunner.run(command.split(separator: " ").dropFirst().map(String.init)
                                                              + ["--json", "--quiet"]).stdout)
        #expect(again["lasso"] == json["lasso"])
        #expect(again["stats"]?["runs"] == .number(1))
    }

    @Test func tokenRingFindsNoneAndSaysItProvesNothing() throws {
        let output = try CommandRunner.run(["simulate", "token-ring", "--seed", "1", "--runs", "100", "--quiet"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Liveness judged on the 7072 lassos the runs stumbled on (a cycle back to a state "
                                       + "visited, or a state a fair run may stop in): 'starvation freedom'"))
        #expect(output.stderr.contains("warning: liveness ('starvation freedom') was judged only on the lassos random runs "
                                       + "stumbled on: simulation can find a violation but never prove liveness; "
                                       + "`kripke check` proves it on the whole state graph"))
        let json = try JSONValue.parse(try CommandRunner.run(["simulate", "token-ring", "--seed", "1", "--runs", "100",
                                                              "--json", "--quiet"]).stdout)
        guard case .array(let properties)? = json["properties"] else {
            Issue.record("no properties")
            return
        }
        #expect(properties.filter { $0["kind"] == .string("liveness") }.map { $0["verdict"] }
                == Array(repeating: .string("no-violation-found"), count: 3))
    }

    /// `--no-liveness` takes the same runs without judging their lassos: the starving run goes by.
    @Test func noLivenessLeavesTheLassosAlone() throws {
        let output = try CommandRunner.run(["simulate", "majority-voting", "--seed", "1", "--no-liveness", "--quiet"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("Result: NO VIOLATION FOUND"))
        #expect(!output.stdout.contains("Liveness judged"))
    }
}
