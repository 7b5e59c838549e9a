import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Kripke
import Reports
import Testing

/// JUnit XML that dashboards read right: well-formed, parameters in `classname`, a time per test
/// case (0 where the engine does not know it, never the whole run's), incomplete runs as errors
/// (not skips, which some dashboards show green), and each property's file and line.
@Suite struct JUnitTests {
    private func cases(_ outcome: Outcome) throws -> (suite: XMLElement, cases: [XMLElement]) {
        let document = try XMLDocument(xmlString: OutcomeJUnit.render(outcome, root: PythonTool.packageRoot.path))
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        return (suite, try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement })
    }

    @Test func violationIsAFailureAndTheOtherPropertiesAreSkipped() throws {
        let (suite, cases) = try cases(try SampleOutcomes.violatedInvariant())
        #expect(suite.attribute(forName: "name")?.stringValue == "kripke check ricart-agrawala-tie-bug (N=2, R=1)")
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["invariant 'mutual exclusion'", "deadlock freedom"])
        #expect(cases.allSatisfy { $0.attribute(forName: "classname")?.stringValue == "kripke.check.ricart-agrawala-tie-bug[N=2,R=1]" })
        #expect(cases.allSatisfy { $0.attribute(forName: "time")?.stringValue == "0.000" })
        let failure = try #require(cases[0].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue
                == "invariant 'mutual exclusion' violated after 8 steps — p0, p1: phase[p0] = critical, phase[p1] = critical")
        #expect(failure.stringValue?.contains("Counterexample (8 steps") == true)
        #expect(cases[0].attribute(forName: "file")?.stringValue == "Specs/MutualExclusion/RicartAgrawala.swift")
        #expect(Int(cases[0].attribute(forName: "line")?.stringValue ?? "") ?? 0 > 0)
        #expect(cases[1].elements(forName: "skipped").count == 1)
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        #expect(suite.attribute(forName: "skipped")?.stringValue == "1")
    }

    @Test func incompleteIsAnErrorNotASkip() throws {
        let (suite, cases) = try cases(try SampleOutcomes.incomplete())
        #expect(!cases.isEmpty)
        for testCase in cases {
            let error = try #require(testCase.elements(forName: "error").first)
            #expect(error.attribute(forName: "type")?.stringValue == "incomplete")
            #expect(error.attribute(forName: "message")?.stringValue == "incomplete: state limit reached (5 states)")
            #expect(testCase.elements(forName: "skipped").isEmpty)
        }
        #expect(suite.attribute(forName: "errors")?.stringValue == "\(cases.count)")
        #expect(suite.attribute(forName: "skipped")?.stringValue == "0")
    }

    @Test func holdsPassesEveryCase() throws {
        let (suite, cases) = try cases(try SampleOutcomes.holds())
        #expect(cases.count == 9)
        #expect(cases.allSatisfy { $0.childCount == 0 })
        #expect(suite.attribute(forName: "failures")?.stringValue == "0" && suite.attribute(forName: "errors")?.stringValue == "0")
    }

    /// A simulation that found nothing passes every case, each with a note that it is no proof.
    @Test func noViolationFoundPassesWithANote() throws {
        let (suite, cases) = try cases(try SampleOutcomes.simulatedNoViolation())
        #expect(suite.attribute(forName: "name")?.stringValue == "kripke simulate quorum-replication (F=0, N=3, R=2, W=2)")
        #expect(cases.count == 9)
        for testCase in cases {
            #expect(testCase.elements(forName: "failure").isEmpty && testCase.elements(forName: "error").isEmpty)
            #expect(testCase.elements(forName: "system-out").first?.stringValue == "no violation in 50 random runs of up to "
                    + "100 steps (random simulation, not a proof: `kripke check` explores every state)")
        }
        #expect(suite.attribute(forName: "failures")?.stringValue == "0" && suite.attribute(forName: "errors")?.stringValue == "0")
    }

    @Test func anErrorIsOneErringCase() throws {
        let (suite, cases) = try cases(try SampleOutcomes.error())
        #expect(cases.count == 1)
        #expect(cases[0].elements(forName: "error").first?.attribute(forName: "message")?.stringValue
                == "modelling error in send: index 3 out of range")
        #expect(suite.attribute(forName: "errors")?.stringValue == "1")
    }

    /// Two parameterisations of one spec never share a class name.
    @Test func parametersSeparateClassNames() throws {
        let small = OutcomeJUnit.className(try SampleOutcomes.check("ricart-agrawala-tie-bug", ["N": 2]))
        let large = OutcomeJUnit.className(try SampleOutcomes.check("ricart-agrawala-tie-bug", ["N": 3]))
        #expect(small != large)
        #expect(large == "kripke.check.ricart-agrawala-tie-bug[N=3,R=1]")
    }
}
