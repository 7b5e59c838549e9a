import Foundation
import Testing
import Traces

/// `kripke simulate`, end to end: reproducible by seed, a violation is a replayable run with a
/// hint that takes it again, no violation exits 0 and says it is no proof, every report renders it.
@Suite struct SimulateCommandTests {
    /// The figures of a JSON result that do not depend on the machine's speed.
    private func figures(_ json: JSONValue) -> [JSONValue?] {
        ["runs", "steps", "distinctStates", "longestRun", "endedEarly", "coverage"].map { json["stats"]?[$0] }
    }

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func theSameSeedGivesTheSameRuns() throws {
        let arguments = ["simulate", "ricart-agrawala", "--param", "N=2", "--seed", "5", "--runs", "50", "--json", "--quiet"]
        let first = try JSONValue.parse(try CommandRunner.run(arguments).stdout)
        let second = try JSONValue.parse(try CommandRunner.run(arguments).stdout)
        #expect(first["verdict"] == .string("no-violation-found"))
        #expect(figures(first) == figures(second))
        #expect(first["stats"]?["steps"] == .number(500))
    }

    /// Without --seed one is drawn and printed; given back, it takes the same runs.
    @Test func aDrawnSeedIsPrintedAndRepeatsTheRuns() throws {
        let drawn = try JSONValue.parse(try CommandRunner.run(["simulate", "token-ring", "--runs", "20", "--json", "--quiet"]).stdout)
        guard case .number(let seed)? = drawn["options"]?["seed"] else {
            Issue.record("no seed in the options")
            return
        }
        let again = try JSONValue.parse(try CommandRunner.run(["simulate", "token-ring", "--runs", "20", "--json", "--quiet",
                                                               "--seed", String(Int(seed))]).stdout)
        #expect(figures(again) == figures(drawn))
        let text = try CommandRunner.run(["simulate", "token-ring", "--runs", "2", "--quiet"]).stdout
        #expect(text.contains("Seed: ") && text.contains("takes the same runs again"))
    }

    /// The tie bug: found in run 10 of seed 1; the trace replays; the hint's command (the run's
    /// own seed, one run) finds exactly the same counterexample.
    @Test func aViolationReplaysAndItsHintReproducesIt() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("run.itf.json").path
        let base = ["simulate", "ricart-agrawala-tie-bug", "--param", "N=2", "--seed", "1", "--quiet"]
        let text = try CommandRunner.run(base + ["--trace-out", file])
        #expect(text.status == 1)
        #expect(text.stdout.contains("Result: VIOLATED — invariant 'mutual exclusion' fails after 8 steps of random run 10 — p0, p1: "))
        #expect(text.stdout.contains("Counterexample (8 steps, a random run: not shortest — `kripke check` finds a shortest one):"))
        let replay = try CommandRunner.run(["trace", "replay", file])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")

        let output = try CommandRunner.run(base + ["--json"])
        let json = try JSONValue.parse(output.stdout)
        #expect(json["verdict"] == .string("violated"))
        #expect(json["counterexampleIsShortest"] == .bool(false))
        #expect(json["replay"]?["run"] == .number(10))
        guard case .string(let command)? = json["replay"]?["command"], case .number(let seed)? = json["replay"]?["seed"] else {
            Issue.record("no replay hint")
            return
        }
        #expect(command == "kripke simulate ricart-agrawala-tie-bug --param N=2 --seed \(Int(seed)) --runs 1")
        #expect(text.stdout.contains("`\(command)` takes exactly this run again"))
        let words = command.split(separator: " ").dropFirst().map(String.init)
        let reproduced = try CommandRunner.run(words + ["--json", "--quiet"])
        #expect(reproduced.status == 1)
        let again = try JSONValue.parse(reproduced.stdout)
        #expect(again["counterexample"] != nil)
        #expect(again["counterexample"] == json["counterexample"])
        #expect(again["stats"]?["runs"] == .number(1) && again["stats"]?["steps"] == .number(8))
    }

    /// A correct spec: exit 0, "not a proof", and figures pinned for the seed.
    @Test func noViolationFoundExitsZeroWithPinnedFigures() throws {
        let output = try CommandRunner.run(["simulate", "two-phase-commit", "--seed", "7", "--runs", "200", "--quiet"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Result: NO VIOLATION FOUND in 200 random runs of up to 100 steps — not a proof: "
                                       + "`kripke check` explores every state\n"))
        #expect(output.stdout.contains("Runs: 200 (longest 14 steps, 200 ended early with no step to take)  steps: 2750  "
                                       + "distinct states: 495  time: "))
        #expect(output.stdout.contains("Seed: 7 (`--seed 7` takes the same runs again)"))
        #expect(output.stdout.contains("Checked in every state visited: 'atomic commitment', 'commit only when decided', 4 helper lemmas, "
                                       + "deadlock freedom"))
        #expect(output.stdout.contains("Coverage (steps per action): prepare 200, receive prepare 600, vote yes 303, vote no 272, "
                                       + "receive vote 575, commit 30, abort 170, receive commit 90, receive abort 510\n"))
        #expect(output.stderr.isEmpty)
    }

    @Test func jsonJUnitAndSARIFRenderNoViolationFound() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("k.xml").path, sarif = directory.appendingPathComponent("k.sarif").path
        let output = try CommandRunner.run(["simulate", "two-phase-commit", "--seed", "7", "--runs", "200", "--json", "--quiet",
                                            "--junit", junit, "--sarif", sarif])
        #expect(output.status == 0)
        let json = try JSONValue.parse(output.stdout)
        #expect(json["engine"] == .string("simulation"))
        #expect(json["verdict"] == .string("no-violation-found"))
        #expect(json["runs"] == .number(200) && json["depth"] == .number(100))
        #expect(json["options"]?["seed"] == .number(7))
        #expect(figures(json).dropLast() == [.number(200), .number(2750), .number(495), .number(14), .number(200)])
        #expect(json["stats"]?["stepsPerSecond"] != nil && json["stats"]?["seconds"] != nil)
        guard case .array(let properties)? = json["properties"], case .array(let coverage)? = json["stats"]?["coverage"] else {
            Issue.record("no properties or coverage")
            return
        }
        #expect(properties.count == 7)
        #expect(properties.allSatisfy { $0["verdict"] == .string("no-violation-found") })
        // Every run starts with the same step, which reaches a new state only the first time.
        #expect(coverage.first == .object([("action", .string("prepare")), ("transitions", .number(200)), ("newStates", .number(1))]))

        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("failures=\"0\" errors=\"0\" skipped=\"0\""))
        #expect(xml.contains("<property name=\"verdict\" value=\"no-violation-found\"/>"))
        #expect(xml.components(separatedBy: "<system-out>no violation in 200 random runs of up to 100 steps (random simulation, "
                               + "not a proof: `kripke check` explores every state)</system-out>").count == 8)
        let report = try JSONValue.parse(try String(contentsOfFile: sarif, encoding: .utf8))
        guard case .array(let runs)? = report["runs"] else {
            Issue.record("no SARIF runs")
            return
        }
        #expect(runs.count == 1 && runs.first?["results"] == .array([]))
    }

    /// Coverage names every action; one no run took is a warning (on stderr and in the JSON).
    @Test func actionsNeverTakenAreWarnedAbout() throws {
        let output = try CommandRunner.fixtures(["simulate", "dead-action", "--seed", "1", "--runs", "10"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Runs: 10 (longest 2 steps, 10 ended early with no step to take)  steps: 20  distinct states: 3"))
        #expect(output.stdout.contains("Coverage (steps per action): increment 20, reset 0; never taken: reset\n"))
        #expect(output.stderr.contains("warning: never taken in 10 random runs: reset (unreachable, or rare: more or longer runs may take it)"))
        let json = try JSONValue.parse(try CommandRunner.fixtures(["simulate", "dead-action", "--seed", "1", "--runs", "10", "--json"]).stdout)
        #expect(json["warnings"] == .array([.string("never taken in 10 random runs: reset (unreachable, or rare: more or longer runs may take it)")]))
    }

    @Test(arguments: [
        (["simulate", "token-ring", "--runs", "0"], "--runs must be between 1 and 1000000000 (got 0)"),
        (["simulate", "token-ring", "--runs", "-5"], "--runs must be between 1 and 1000000000 (got -5)"),
        (["simulate", "token-ring", "--runs", "99999999999999999999"], "The value '99999999999999999999' is invalid for '--runs <runs>'"),
        (["simulate", "token-ring", "--depth", "0"], "--depth must be between 1 and 10000000 (got 0)"),
        (["simulate", "token-ring", "--depth", "100000000"], "--depth must be between 1 and 10000000 (got 100000000)"),
        (["simulate", "token-ring", "--seed", "-1"], "--seed must be between 0 and 9007199254740991 (got -1)"),
        (["simulate", "token-ring", "--seed", "9007199254740992"], "--seed must be between 0 and 9007199254740991"),
        (["simulate", "token-ring", "--max-seconds", "0"], "--max-seconds must be a positive number of seconds"),
        (["simulate"], "Missing expected argument '<spec>'"),
        (["simulate", "paxso"], "error: unknown spec 'paxso'. Did you mean 'paxos'?"),
        (["simulate", "paxos", "--param", "N=11"], "error: "),
    ])
    func badInputExitsTwo(arguments: [String], message: String) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 2)
        #expect(output.stderr.contains(message), "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    /// A step that leaves a variable's domain is a modelling error (exit 2) with the run to it.
    @Test func aModellingFaultIsAnError() throws {
        let output = try CommandRunner.fixtures(["simulate", "broken-overflow", "--seed", "1"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: modelling error in "))
        #expect(output.stderr.contains("The state where it happens is reached by:"))
    }

    /// Paxos with seven acceptors: too many states to explore, but simulation runs.
    @Test func paxosWithSevenAcceptorsRuns() throws {
        let output = try CommandRunner.run(["simulate", "paxos", "--param", "N=7", "--runs", "20", "--seed", "1", "--no-lemmas", "--quiet"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("kripke simulate paxos (B=2, F=1, L=0, N=7, P=2) — random simulation, 20 runs of up to 100 steps, seed 1"))
        #expect(output.stdout.contains("Result: NO VIOLATION FOUND in 20 random runs of up to 100 steps"))
        #expect(output.stdout.contains("Runs: 20 (longest 100 steps)  steps: 2000  "))
    }
}
