import Foundation
import Testing

/// `check --invariant NAME` checks only the named properties (TLC's INVARIANT list) and
/// `--no-invariants` only deadlocks (SPIN without assertions); partial-order reduction then only
/// keeps what can break those, so it reduces more.
@Suite struct PropertySelectionTests {
    @Test func onlyTheNamedInvariantIsChecked() throws {
        // (--no-liveness: this variant also fails to elect anyone, which `a leader is elected` catches.)
        let output = try CommandRunner.run(["check", "chang-roberts-forward-smaller", "--invariant", "unique leader",
                                            "--no-liveness"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Result: HOLDS — 'unique leader', deadlock freedom hold in every reachable state "
                                       + "(169 states explored)"))
        let broken = try CommandRunner.run(["check", "chang-roberts-forward-smaller", "--invariant", "agreement at end"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("Result: VIOLATED — invariant 'agreement at end' fails after 7 steps"))
    }

    /// Without invariants only the deadlock condition is checked: Chang–Roberts N=4 reduces from
    /// 116 to 83 states (SPIN's reduction of the same ring without assertions: 79).
    @Test func noInvariantsChecksDeadlocksOnly() throws {
        let output = try CommandRunner.run(["check", "chang-roberts", "--no-invariants"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Result: HOLDS — deadlock freedom holds in every reachable state (83 states explored)"))
        let full = try CommandRunner.run(["check", "chang-roberts", "--no-invariants", "--no-por"])
        #expect(full.stdout.contains("Result: HOLDS — deadlock freedom holds in all 116 reachable states"))
    }

    @Test func anUnknownNameIsAnErrorWithSuggestions() throws {
        let output = try CommandRunner.run(["check", "chang-roberts", "--invariant", "unique leadr"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("error: no property 'unique leadr' in chang-roberts. Did you mean 'unique leader'? "
                                        + "Its properties: 'unique leader', 'agreement at end', "))
        let json = try CommandRunner.run(["check", "chang-roberts", "--invariant", "unique leadr", "--json"])
        #expect(json.status == 2)
        #expect(json.stdout.contains("\"verdict\": \"error\""))
        let both = try CommandRunner.run(["check", "chang-roberts", "--invariant", "unique leader", "--no-invariants"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--no-invariants and --invariant exclude each other"))
    }
}
