import Foundation
import Testing
import Traces

/// Every engine command takes the same output options (`--json`, `--trace-out`, `--junit`,
/// `--sarif`, `--msc`, `--quiet`) and writes the same reports from its one outcome.
@Suite struct EngineOutputTests {
    static let commands: [[String]] = [
        ["check", "ricart-agrawala-tie-bug", "--param", "N=2"],
        ["bmc", "ricart-agrawala-tie-bug", "--param", "N=2", "--depth", "8"],
        ["prove", "ricart-agrawala-tie-bug", "--param", "N=2", "--max-k", "8"],
    ]

    @Test(arguments: commands)
    func everyEngineWritesEveryReport(command: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("k.xml").path
        let sarif = directory.appendingPathComponent("k.sarif").path
        let trace = directory.appendingPathComponent("k.itf.json").path
        let output = try CommandRunner.run(command + ["--quiet", "--msc", "--junit", junit, "--sarif", sarif, "--trace-out", trace])
        #expect(output.status == 1, "\(command[0]): \(output.stderr)")
        #expect(output.stdout.contains("Result: VIOLATED — invariant 'mutual exclusion' fails after 8 steps — "
                                       + "p0, p1: phase[p0] = critical, phase[p1] = critical\n"))
        #expect(output.stdout.contains("Message-sequence chart:"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("classname=\"kripke.\(command[0]).ricart-agrawala-tie-bug[N=2,R=1]\""))
        #expect(xml.contains("<failure type=\"violation\" message=\"invariant 'mutual exclusion' violated after 8 steps — p0, p1: "
                             + "phase[p0] = critical, phase[p1] = critical\">"))
        let report = try JSONValue.parse(try String(contentsOfFile: sarif, encoding: .utf8))
        guard case .array(let runs)? = report["runs"], case .array(let results)? = runs.first?["results"] else {
            Issue.record("no SARIF results")
            return
        }
        #expect(results.first?["ruleId"] == .string("invariant/mutual exclusion"))
        let itf = try JSONValue.parse(try String(contentsOfFile: trace, encoding: .utf8))
        guard case .array(let states)? = itf["states"] else {
            Issue.record("no ITF states")
            return
        }
        #expect(states.count == 9)
    }

    /// The JSON result has the same members whichever engine ran.
    @Test(arguments: commands)
    func everyEngineHasTheCommonJSONMembers(command: [String]) throws {
        let output = try CommandRunner.run(command + ["--quiet", "--json"])
        let result = try JSONValue.parse(output.stdout)
        for member in ["schema", "tool", "spec", "parameters", "engine", "options", "verdict", "properties", "stats",
                       "reductions", "counterexample", "counterexampleIsShortest"] {
            #expect(result[member] != nil, "\(command[0]) lacks '\(member)'")
        }
        #expect(result["verdict"] == .string("violated"))
        guard case .array(let properties)? = result["properties"] else {
            Issue.record("no properties")
            return
        }
        #expect(properties.first?["falsifiedBy"]?["text"] == .string("p0, p1: phase[p0] = critical, phase[p1] = critical"))
        #expect(result["counterexampleIsShortest"] == .bool(command[0] != "check"))   // check: found under partial-order reduction
    }
}
