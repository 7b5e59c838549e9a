import Foundation
import Testing
import Traces

/// `kripke bmc` end to end: a violation exits 1 with the shortest counterexample, a bounded run
/// without one exits 3 (0 with --bounded), and a run out of time exits 3 saying how deep it checked.
@Suite struct BMCCommandTests {
    @Test func violationExitsOneWithShortestCounterexample() throws {
        let output = try CommandRunner.run(["bmc", "centralized-mutex-blind-grant", "--depth", "10", "--quiet"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("Result: VIOLATED — invariant 'mutual exclusion' fails after 6 steps"))
        #expect(output.stdout.contains("Counterexample (6 steps, shortest; replayed on the explorer):"))
    }

    @Test func boundedRunExitsThreeOrZeroWhenAskedFor() throws {
        let arguments = ["bmc", "ricart-agrawala", "--param", "N=2", "--depth", "4", "--quiet"]
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 3)
        #expect(output.stdout.contains("Result: HOLDS UP TO DEPTH 4"))
        #expect(try CommandRunner.run(arguments + ["--bounded"]).status == 0)
    }

    @Test func timeLimitExitsThreeWithTheDepthChecked() throws {
        let output = try CommandRunner.run(["bmc", "paxos", "--depth", "40", "--max-seconds", "1", "--quiet", "--json"])
        #expect(output.status == 3)
        let result = try JSONValue.parse(output.stdout)
        #expect(result["verdict"] == .string("incomplete"))
        guard case .number(let checked) = result["stats"]?["checkedDepth"], case .number(let seconds) = result["stats"]?["seconds"] else {
            Issue.record("stats.checkedDepth and stats.seconds are numbers")
            return
        }
        #expect(checked >= -1 && checked < 40)
        #expect(seconds < 30)   // the limit is honoured (generous: the machine may be loaded)
    }

    @Test func nonPositiveTimeLimitIsAUsageError() throws {
        let output = try CommandRunner.run(["bmc", "paxos", "--depth", "4", "--max-seconds", "0"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("--max-seconds must be a positive number of seconds"))
    }
}
