import Foundation
import Testing
import Traces

/// Every exit code of `kripke check`, end to end: 0 holds, 1 violated, 2 error, 3 incomplete.
@Suite struct ExitCodeTests {
    @Test func holdsExitsZero() throws {
        let output = try CommandRunner.run(["check", "ricart-agrawala", "--param", "N=2", "--param", "R=2"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Result: HOLDS"))
        #expect(output.stdout.contains("Result: HOLDS — 'mutual exclusion', 8 helper lemmas, deadlock freedom hold in every "
                                       + "reachable state (207 states explored)"))
    }

    /// Helper lemmas are checked like invariants unless --no-lemmas asks for the invariants alone.
    @Test func noLemmasChecksTheInvariantsAlone() throws {
        let output = try CommandRunner.run(["check", "ricart-agrawala", "--param", "N=2", "--param", "R=2", "--no-lemmas"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Result: HOLDS — 'mutual exclusion', deadlock freedom hold in every reachable state "
                                       + "(193 states explored)"))
        let json = try CommandRunner.run(["check", "ricart-agrawala", "--param", "N=2", "--no-lemmas", "--json"])
        #expect(!json.stdout.contains("permission goes to the earlier request"))
    }

    @Test func violatedExitsOneWithCounterexample() throws {
        let output = try CommandRunner.run(["check", "ricart-agrawala-tie-bug", "--param", "N=2"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("Result: VIOLATED — invariant 'mutual exclusion' fails after 8 steps"))
        #expect(output.stdout.contains("Step 8: p1: enter"))
        #expect(output.stdout.contains("phase[p1]: waiting → critical"))
    }

    @Test func unknownSpecExitsTwo() throws {
        let output = try CommandRunner.run(["check", "no-such-spec"])
        #expect(output.status == 2)
        #expect(output.stderr == "error: unknown spec 'no-such-spec'. `kripke list` shows all 41.\n")
    }

    /// A misspelt spec or subcommand gets the nearest names, not a list of every spec.
    @Test func misspellingsGetSuggestions() throws {
        let spec = try CommandRunner.run(["check", "ricart-agrawla"])
        #expect(spec.status == 2)
        #expect(spec.stderr == "error: unknown spec 'ricart-agrawla'. Did you mean 'ricart-agrawala'? `kripke list` shows all 41.\n")
        let family = try CommandRunner.run(["bmc", "raft", "--depth", "2"])
        #expect(family.stderr.contains("Did you mean 'raft-election' or 'raft-election-double-vote' or 'raft-election-split-votes'?"))
        let command = try CommandRunner.run(["chek", "ricart-agrawala"])
        #expect(command.status == 2)
        #expect(command.stderr.hasSuffix("Did you mean 'kripke check'?\n"))
    }

    /// Progress names the run and its memory; off a terminal it is plain lines on stderr.
    @Test func progressNamesTheRun() throws {
        let output = try CommandRunner.run(["check", "hirschberg-sinclair", "--param", "N=4", "--no-por"])
        #expect(output.status == 0)
        let lines = output.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("… check hirschberg-sinclair (N=4): ") && line.hasSuffix(" MiB"), "\(line)")
        }
        #expect(try CommandRunner.run(["check", "hirschberg-sinclair", "--param", "N=4", "--no-por", "--quiet"]).stderr.isEmpty)
    }

    /// Shells complete spec names: the completion scripts ask `kripke` for them.
    @Test func shellsCompleteSpecNames() throws {
        let script = try CommandRunner.run(["--generate-completion-script", "bash"])
        #expect(script.stdout.contains("---completion check -- positional@0"))
        let names = try CommandRunner.run(["---completion", "check", "--", "positional@0", "2", "4", "kripke", "check", "raft"])
        #expect(names.stdout == "raft-election\nraft-election-double-vote\nraft-election-split-votes\n")
    }

    /// The JSON of a spec that does not instantiate keeps the parameters given; the depth of a
    /// violation is its counterexample's length.
    @Test func errorJSONKeepsParametersAndViolationDepthIsTheTraceLength() throws {
        let invalid = try JSONValue.parse(try CommandRunner.run(["check", "ricart-agrawala", "--param", "N=9", "--json"]).stdout)
        #expect(invalid["parameters"]?["N"] == .number(9))
        let violated = try JSONValue.parse(try CommandRunner.run(["check", "ricart-agrawala-tie-bug", "--param", "N=2",
                                                                  "--json", "--no-por"]).stdout)
        #expect(violated["stats"]?["depth"] == .number(8))
    }

    @Test(arguments: [
        (["--param", "N=99"], "parameter N=99 is outside its range 2...5"),
        (["--param", "X=1"], "unknown parameter 'X'"),
        (["--param", "N"], "expected NAME=VALUE"),
        (["--param", "N=three"], "'three' is not an integer"),
        (["--param", "N=2", "--param", "N=3"], "parameter N is given twice"),
    ])
    func badParameterExitsTwo(arguments: [String], message: String) throws {
        let output = try CommandRunner.run(["check", "ricart-agrawala"] + arguments)
        #expect(output.status == 2)
        #expect(output.stderr.contains(message))
    }

    @Test func usageErrorExitsTwo() throws {
        let missing = try CommandRunner.run(["check"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Missing expected argument"))
        let unknownOption = try CommandRunner.run(["check", "ricart-agrawala", "--frobnicate"])
        #expect(unknownOption.status == 2)
        let badLimit = try CommandRunner.run(["check", "ricart-agrawala", "--max-states", "0"])
        #expect(badLimit.status == 2)
    }

    @Test(arguments: [
        ("broken-initial", "variable clock: initial value 5 is outside its domain 0...3"),
        ("broken-double-write", "action 'twice': variable 'x' may be written twice in one step"),
        ("broken-unhandled", "message pong: no process handles message kind 'pong'"),
        ("broken-overflow", "value 3 assigned to 'count' is outside its domain 0...2"),
    ])
    func seededSpecMistakeExitsTwoNamingTheElement(spec: String, message: String) throws {
        let output = try CommandRunner.fixtures(["check", spec])
        #expect(output.status == 2)
        #expect(output.stderr.contains(message))
    }

    @Test func stateLimitExitsThree() throws {
        let output = try CommandRunner.fixtures(["check", "counter-grid", "--max-states", "1000", "--no-por", "--quiet"])
        #expect(output.status == 3)
        #expect(output.stdout.contains("Result: INCOMPLETE — state limit reached (1000 states)"))
    }

    @Test func timeLimitExitsThree() throws {
        let output = try CommandRunner.fixtures(["check", "counter-grid", "--param", "N=8", "--param", "K=15",
                                                               "--max-seconds", "0.5", "--no-por", "--quiet"])
        #expect(output.status == 3)
        #expect(output.stdout.contains("time limit reached (0.5 s)"))
    }

    @Test func memoryLimitExitsThree() throws {
        let output = try CommandRunner.fixtures(["check", "counter-grid", "--param", "N=8", "--param", "K=15",
                                                               "--max-memory", "1", "--no-por", "--quiet"])
        #expect(output.status == 3)
        #expect(output.stdout.contains("memory limit reached (1 MiB resident)"))
    }

    /// Without --max-memory the run still has a memory limit: what the machine has free at the
    /// start (so a run too big for it ends incomplete instead of swapping).
    @Test func memoryLimitDefaultsToTheFreeMemory() throws {
        let output = try CommandRunner.run(["check", "token-ring", "--json", "--quiet"])
        #expect(output.status == 0)
        let result = try JSONValue.parse(output.stdout)
        guard case .number(let limit)? = result["options"]?["maxMemoryBytes"] else {
            Issue.record("no default memory limit in \(output.stdout.prefix(300))")
            return
        }
        #expect(limit > 64 * 1_048_576)
        let chosen = try JSONValue.parse(try CommandRunner.run(["check", "token-ring", "--json", "--quiet", "--max-memory", "512"]).stdout)
        #expect(chosen["options"]?["maxMemoryBytes"] == .number(512 * 1_048_576))
    }

    @Test func networkCapacityReachedExitsThree() throws {
        let output = try CommandRunner.fixtures(["check", "tiny-network"])
        #expect(output.status == 3)
        #expect(output.stdout.contains("the network capacity (1) was reached"))
    }

    @Test func deadActionsAreReportedAfterAnExhaustiveSearch() throws {
        let output = try CommandRunner.fixtures(["check", "dead-action"])
        #expect(output.status == 0)
        #expect(output.stderr.contains("warning: never taken in any reachable state: reset"))
        #expect(!output.stdout.contains("never taken"))
        let json = try JSONValue.parse(try CommandRunner.fixtures(["check", "dead-action", "--json"]).stdout)
        #expect(json["warnings"] == .array([.string("never taken in any reachable state: reset (dead code, or a guard that can never hold?)")]))
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try CommandRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit codes"))
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}

/// `kripke explain` prints the spec read back from its IR.
@Suite struct ExplainCommandTests {
    @Test func explainsABuiltInSpec() throws {
        let output = try CommandRunner.run(["explain", "quorum-replication", "--param", "N=4"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("replica: replica0, replica1, replica2, replica3  (symmetric)"))
        #expect(output.stdout.contains("on reply at reader (self), from m.sender:"))
        #expect(output.stdout.contains("read-your-writes: (readPhase[reader] == done) implies (result[reader] == 1)"))
    }

    @Test func explainRejectsBadInput() throws {
        #expect(try CommandRunner.run(["explain", "nope"]).status == 2)
        #expect(try CommandRunner.run(["explain", "quorum-replication", "--param", "W=9"]).status == 2)
    }
}
