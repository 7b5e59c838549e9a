import Foundation
import Testing

/// Huge, negative or odd option values are usage errors (exit 2) with a clear message, never a
/// trap, a hang or a silent "no limit"; and every limit ends a run incomplete (exit 3).
@Suite struct OptionLimitTests {
    @Test(arguments: [
        (["check", "counter-grid", "--max-memory", "8796093022208"], "--max-memory must be between 1 and 16777216 (MiB)"),
        (["check", "counter-grid", "--max-states", "-1"], "--max-states must be at least 1"),
        (["check", "counter-grid", "--max-seconds", "nan"], "--max-seconds must be a positive number of seconds"),
        (["check", "counter-grid", "--max-seconds", "-1"], "--max-seconds must be a positive number of seconds"),
        (["bmc", "counter-grid", "--depth", "3", "--max-seconds", "inf"], "--max-seconds must be a positive number of seconds"),
        (["prove", "counter-grid", "--max-seconds", "0"], "--max-seconds must be a positive number of seconds"),
        (["quorum", "--n", "9223372036854775807", "--w", "1", "--r", "1"], "--n must be at most 10000"),
        (["quorum", "--n", "1000000", "--w", "1", "--r", "1"], "--n must be at most 10000"),
        (["quorum", "--n", "1e10", "--w", "1", "--r", "1"], "The value '1e10' is invalid for '--n <n>'"),
        (["quorum", "--every-n", "1000000"], "--every-n must be between 1 and 1000"),
    ])
    func oddValuesAreUsageErrors(arguments: [String], message: String) throws {
        let output = try CommandRunner.fixtures(arguments)
        #expect(output.status == 2)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    /// The state limit stops at exactly that many states.
    @Test func maxStatesIsExact() throws {
        let output = try CommandRunner.fixtures(["check", "counter-grid", "--max-states", "1000", "--no-por", "--quiet"])
        #expect(output.status == 3)
        #expect(output.stdout.contains("Result: INCOMPLETE — state limit reached (1000 states)\nStates: 1000 "))
    }

    @Test func proveAndQuorumHaveATimeLimit() throws {
        let prove = try CommandRunner.fixtures(["prove", "paxos", "--max-seconds", "0.2"])
        #expect(prove.status == 3)
        #expect(prove.stdout.contains("Result: INCOMPLETE — time limit reached"))
        let quorum = try CommandRunner.fixtures(["quorum", "--every-n", "1000", "--max-seconds", "0.5"])
        #expect(quorum.status == 3)
        #expect(quorum.stdout.contains("Result: INCOMPLETE — the time limit of 0.5 s ran out"))
    }
}
