import Foundation
import Testing
import Traces

/// The shape of `--json` output: the versioned result schema and `kripke list --json`.
@Suite struct JSONOutputTests {
    @Test func listJSONNamesEverySpecWithExpectation() throws {
        let output = try CommandRunner.run(["list", "--json"])
        #expect(output.status == 0)
        guard case .array(let specs) = try JSONValue.parse(output.stdout) else {
            Issue.record("not an array")
            return
        }
        let names = specs.compactMap { spec -> String? in
            if case .string(let name)? = spec["name"] { return name }
            return nil
        }
        #expect(names.contains("ricart-agrawala"))
        #expect(names.contains("quorum-replication"))
        for spec in specs {
            #expect(spec["summary"] != nil)
            guard case .array(let parameters)? = spec["parameters"] else {
                Issue.record("parameters missing")
                continue
            }
            for parameter in parameters { #expect(parameter["default"] != nil) }
            #expect(spec["expect"] == .string("holds") || spec["expect"] == .string("violated"))
        }
    }

    /// The four required proofs ship their lemmas; buggy variants never carry any.
    @Test func listJSONCountsShippedLemmas() throws {
        guard case .array(let specs) = try JSONValue.parse(try CommandRunner.run(["list", "--json"]).stdout) else {
            Issue.record("not an array")
            return
        }
        var lemmas: [String: Double] = [:]
        for spec in specs {
            guard case .string(let name)? = spec["name"], case .number(let count)? = spec["lemmas"] else {
                Issue.record("name and lemmas")
                continue
            }
            lemmas[name] = count
            if spec["expect"] == .string("violated") { #expect(count == 0) }
        }
        #expect(lemmas["ricart-agrawala"] == 8 && lemmas["raft-election"] == 8)
        #expect(lemmas["paxos"] == 17 && lemmas["quorum-replication"] == 7)
    }

    @Test func listTextHasOneLinePerSpec() throws {
        let text = try CommandRunner.run(["list"])
        let json = try CommandRunner.run(["list", "--json"])
        guard case .array(let specs) = try JSONValue.parse(json.stdout) else { return }
        #expect(text.stdout.split(separator: "\n").count == specs.count)
    }

    @Test func holdsResultShape() throws {
        let output = try CommandRunner.run(["check", "quorum-replication", "--json", "--no-symmetry"])
        #expect(output.status == 0)
        let result = try JSONValue.parse(output.stdout)
        #expect(result["options"]?["symmetry"] == .bool(false))
        #expect(result["schema"] == .string("kripke.result/1"))
        #expect(result["spec"] == .string("quorum-replication"))
        #expect(result["parameters"]?["N"] == .number(3))
        #expect(result["verdict"] == .string("holds"))
        #expect(result["stats"]?["states"] == .number(295))
        #expect(result["stats"]?["transitions"] == .number(815))
        #expect(result["stats"]?["depth"] == .number(14))
        #expect(result["stats"]?["seconds"] != nil)
        #expect(result["counterexample"] == nil)
        let reduced = try JSONValue.parse(try CommandRunner.run(["check", "quorum-replication", "--json"]).stdout)
        #expect(reduced["options"]?["symmetry"] == .bool(true))
        #expect(reduced["stats"]?["states"] == .number(75))
    }

    /// `--exact` stores states in full: the same states, no collision probability, no partial-order reduction.
    @Test func exactStatesResultShape() throws {
        let output = try CommandRunner.run(["check", "quorum-replication", "--json", "--no-symmetry", "--exact"])
        #expect(output.status == 0)
        let result = try JSONValue.parse(output.stdout)
        #expect(result["options"]?["exactStates"] == .bool(true))
        #expect(result["options"]?["partialOrder"] == .bool(false))
        #expect(result["stats"]?["states"] == .number(295))
        #expect(result["stats"]?["transitions"] == .number(815))
        #expect(result["stats"]?["fingerprintCollisionProbability"] == .number(0))
        let text = try CommandRunner.run(["check", "quorum-replication", "--exact"]).stdout
        #expect(text.contains("Exact state storage: states compared in full"))
        let fingerprints = try JSONValue.parse(try CommandRunner.run(["check", "quorum-replication", "--json"]).stdout)
        #expect(fingerprints["options"]?["exactStates"] == .bool(false))
        guard case .number(let probability)? = fingerprints["stats"]?["fingerprintCollisionProbability"] else {
            Issue.record("no collision probability")
            return
        }
        #expect(probability > 0 && probability < 1e-15)
    }

    @Test func violatedResultCarriesITFCounterexample() throws {
        let output = try CommandRunner.run(["check", "quorum-replication", "--param", "R=1", "--json"])
        #expect(output.status == 1)
        let result = try JSONValue.parse(output.stdout)
        #expect(result["verdict"] == .string("violated"))
        guard case .array(let states)? = result["counterexample"]?["states"] else {
            Issue.record("counterexample.states missing")
            return
        }
        #expect(states.count == 9)   // 8 steps
        #expect(states.first?["#meta"]?["index"] == .number(0))
        let trace = try ITF.decode(try #require(result["counterexample"]))
        #expect(trace.length == 8)
    }

    @Test func errorAndIncompleteResults() throws {
        let error = try CommandRunner.run(["check", "no-such-spec", "--json"])
        #expect(error.status == 2)
        #expect(try JSONValue.parse(error.stdout)["verdict"] == .string("error"))
        let incomplete = try CommandRunner.fixtures(["check", "counter-grid", "--max-states", "10", "--json"])
        #expect(incomplete.status == 3)
        let result = try JSONValue.parse(incomplete.stdout)
        #expect(result["verdict"] == .string("incomplete"))
        #expect(result["reason"] == .string("state limit reached (10 states)"))
    }

    @Test func traceOutWritesAReadableITFFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-\(UUID().uuidString).itf.json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try CommandRunner.run(["check", "ricart-agrawala-tie-bug", "--param", "N=2", "--trace-out", path, "--quiet"])
        #expect(output.status == 1)
        let trace = try ITF.decode(JSONValue.parse(String(contentsOfFile: path, encoding: .utf8)))
        #expect(trace.length == 8)
        #expect(trace.spec == "ricart-agrawala-tie-bug")
    }
}

/// `kripke trace show|render` on golden files, and its errors.
@Suite struct TraceCommandTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Counterexamples/ricart-agrawala-tie-bug.itf.json").path

    @Test func showPrintsTheChangedVariables() throws {
        let output = try CommandRunner.run(["trace", "show", Self.golden])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Step 12: p1: enter"))
        #expect(output.stdout.contains("phase[p1]: waiting → critical"))
    }

    @Test func renderDrawsAChart() throws {
        let output = try CommandRunner.run(["trace", "render", Self.golden, "--format", "msc"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("● enter"))
        #expect(output.stdout.contains("reply"))
    }

    @Test func replayAcceptsARealRunAndRejectsATamperedOne() throws {
        let good = try CommandRunner.run(["trace", "replay", Self.golden])
        #expect(good.status == 0)
        #expect(good.stdout.contains("replays: 12 steps of ricart-agrawala-tie-bug (N=3, R=1)"))
        let text = try String(contentsOfFile: Self.golden, encoding: .utf8)
        let tampered = text.replacingOccurrences(of: "\"critical\"", with: "\"idle\"")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tampered-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try tampered.write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try CommandRunner.run(["trace", "replay", path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("does not replay at step 11 (p0: enter)"))
    }

    /// A trace Quint wrote: shown and rendered as the variables that changed per step.
    @Test func showAndRenderATraceAnotherToolWrote() throws {
        let quint = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ITFFixtures/quint-bank.itf.json").path
        let show = try CommandRunner.run(["trace", "show", quint])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("ITF trace from bank.qnt (not written by Kripke: no processes or messages)\nState 0 (initial)\n"))
        #expect(show.stdout.hasSuffix("Step 2: settle\n  balances: Map(\"alice\" -> 10, \"bob\" -> 0) → Map(\"alice\" -> 7, \"bob\" -> 3)\n"
                                      + "  pending: Set((\"alice\", \"bob\", 3)) → Set()\n  mbt::nondetPicks: { amount: Some(3) } → { amount: None }\n"))
        let msc = try CommandRunner.run(["trace", "render", quint, "--format", "msc"])
        #expect(msc.status == 0)
        #expect(msc.stdout == show.stdout)
        let html = try CommandRunner.run(["trace", "render", quint, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<p>No message-sequence chart: this trace has no processes or messages.</p>"))
        #expect(html.stdout.contains("Step 1: request\n  pending: Set() → Set((&quot;alice&quot;, &quot;bob&quot;, 3))"))
    }

    @Test func unreadableOrMalformedTraceExitsTwo() throws {
        let missing = try CommandRunner.run(["trace", "show", "/no/such/file.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read trace file '/no/such/file.json'"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"vars\": [".write(toFile: path, atomically: true, encoding: .utf8)
        let malformed = try CommandRunner.run(["trace", "show", path])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("is not a readable trace"))
    }
}

/// JUnit XML and SARIF views of a check, for CI systems.
@Suite struct CIReportTests {
    private func temporary(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kripke-\(UUID().uuidString)\(suffix)").path
    }

    @Test func junitMarksTheViolatedPropertyAsFailure() throws {
        let path = temporary(".xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try CommandRunner.run(["check", "ricart-agrawala-tie-bug", "--param", "N=2", "--junit", path, "--quiet"])
        #expect(output.status == 1)
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(xml.contains(#"<testsuites name="kripke" tests="2" failures="1" errors="0" skipped="1""#))
        #expect(xml.contains(#"<failure type="violation" message="invariant 'mutual exclusion' violated after 8 steps — "#
                             + #"p0, p1: phase[p0] = critical, phase[p1] = critical">"#))
        #expect(xml.contains("Step 8: p1: enter"))
    }

    @Test func junitForAHoldingSpecHasNoFailures() throws {
        let path = temporary(".xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try CommandRunner.run(["check", "quorum-replication", "--junit", path, "--quiet"])
        #expect(output.status == 0)
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(xml.contains(#"tests="9" failures="0" errors="0" skipped="0""#))   // read-your-writes, 7 lemmas, deadlock freedom
    }

    @Test func sarifLocatesTheViolationAndCarriesTheSteps() throws {
        let path = temporary(".sarif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try CommandRunner.run(["check", "quorum-replication", "--param", "R=1", "--sarif", path, "--quiet"])
        #expect(output.status == 1)
        let sarif = try JSONValue.parse(String(contentsOfFile: path, encoding: .utf8))
        #expect(sarif["version"] == .string("2.1.0"))
        guard case .array(let runs)? = sarif["runs"], case .array(let results)? = runs.first?["results"] else {
            Issue.record("no results")
            return
        }
        #expect(results.count == 1)
        #expect(results[0]["ruleId"] == .string("invariant/read-your-writes"))
        guard case .array(let flows)? = results[0]["codeFlows"], case .array(let threads)? = flows.first?["threadFlows"],
              case .array(let steps)? = threads.first?["locations"] else {
            Issue.record("no code flow")
            return
        }
        #expect(steps.count == 8)
    }
}
