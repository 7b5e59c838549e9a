import Foundation
import Testing
import Traces

/// `kripke check --all`, the CI gate: every spec at its defaults against its declared verdict.
@Suite struct CheckAllTests {
    @Test func specsAsDeclaredExitZero() throws {
        let output = try CommandRunner.run(["check", "--all", "--filter", "ricart", "--quiet"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("kripke check --all — 2 specs at their defaults"))
        #expect(output.stdout.contains("✓ ricart-agrawala-tie-bug (N=3, R=1)  violated"))
        #expect(output.stdout.hasSuffix("All 2 as declared.\n"))
    }

    /// A spec that does not conclude what it declares fails the gate, in every report.
    @Test func aSpecNotAsDeclaredFailsTheGateInEveryReport() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-all-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("k.xml").path, sarif = directory.appendingPathComponent("k.sarif").path
        let output = try CommandRunner.fixtures(["check", "--all", "--filter", "broken-overflow", "--filter", "tiny",
                                                 "--filter", "ricart-agrawala-tie", "--quiet", "--json", "--junit", junit,
                                                 "--sarif", sarif])
        #expect(output.status == 2)   // broken-overflow's modelling error is the worst
        let result = try JSONValue.parse(output.stdout)
        #expect(result["schema"] == .string("kripke.batch/1"))
        guard case .array(let off)? = result["summary"]?["notAsDeclared"] else {
            Issue.record("no summary")
            return
        }
        #expect(off == [.string("broken-overflow"), .string("tiny-network")])
        #expect(result["summary"]?["specs"] == .number(3))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains(#"name="verdict is holds" time="#))
        #expect(xml.contains(#"<error type="incomplete" message="expected holds: INCOMPLETE — the network capacity"#))
        #expect(xml.contains(#"classname="kripke.check.ricart-agrawala-tie-bug[N=3,R=1]" name="verdict is violated""#))
        let report = try JSONValue.parse(try String(contentsOfFile: sarif, encoding: .utf8))
        guard case .array(let runs)? = report["runs"] else {
            Issue.record("no SARIF runs")
            return
        }
        // Only the specs not as declared are flagged: the buggy variants' expected violations are not.
        var flagged: [String] = []
        for run in runs {
            guard case .array(let results)? = run["results"], !results.isEmpty,
                  case .string(let id)? = run["automationDetails"]?["id"] else { continue }
            flagged.append(id)
        }
        #expect(flagged.sorted() == ["kripke/check/broken-overflow/", "kripke/check/tiny-network/"])
    }

    /// A baseline from an earlier run: the same counts pass; a drifted count fails, naming it.
    @Test func aBaselineCatchesCountsThatDrift() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-baseline-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try CommandRunner.run(["check", "--all", "--filter", "quorum", "--quiet", "--json"])
        try first.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["check", "--all", "--filter", "quorum", "--quiet", "--baseline", path]).status == 0)
        // The same specs without symmetry reduction have other counts: as if the model had changed.
        let drifted = try CommandRunner.run(["check", "--all", "--filter", "quorum-replication-last", "--quiet", "--no-symmetry",
                                             "--baseline", path])
        #expect(drifted.status == 1)
        #expect(drifted.stdout.contains("drifted from the baseline: states 46 → "))
        let unreadable = try CommandRunner.run(["check", "--all", "--baseline", "/no/such/baseline.json"])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("cannot read the baseline '/no/such/baseline.json'"))
    }

    @Test func aSpecAndAllTogetherAreAUsageError() throws {
        #expect(try CommandRunner.run(["check", "--all", "ricart-agrawala"]).status == 2)
        let missing = try CommandRunner.run(["check"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Missing expected argument '<spec>'"))
        #expect(try CommandRunner.run(["check", "ricart-agrawala", "--filter", "x"]).status == 2)
        #expect(try CommandRunner.run(["bmc", "--depth", "3"]).status == 2)
    }
}
