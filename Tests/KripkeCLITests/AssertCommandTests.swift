import Foundation
import Testing

/// An `Assert` in a step that chooses two values, end to end: `check`, `bmc` and `simulate` report
/// the assertion by its message with the run whose last step fails it (exit 1); `check` and `bmc`
/// agree on its length; the JSON names the property's kind.
@Suite struct AssertCommandTests {
    @Test func checkPrintsTheShortestRunEndingInTheFailingStep() throws {
        let output = try CommandRunner.fixtures(["check", "failing-assert", "--shortest"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("Result: VIOLATED — assertion 'one value at ballot 2' fails after 2 steps\n"))
        #expect(output.stdout.contains("""
            Step 1: p0: raise (choosing 2, 0)   (FixtureSpecs.swift:23)
              ballot[p0]: 0 → 2
            Step 2: p1: raise (choosing 2, 1)   (FixtureSpecs.swift:23)
              ballot[p1]: 0 → 2
              value[p1]: 0 → 1
            ⇒ assertion 'one value at ballot 2' fails in step 2 (p1: raise (choosing 2, 1)), at kripke_fixtures/FixtureSpecs.swift:25.
            """), "\(output.stdout)")
    }

    @Test func bmcFindsItAtTheSameDepth() throws {
        let output = try CommandRunner.fixtures(["bmc", "failing-assert", "--depth", "4", "--quiet"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("Result: VIOLATED — assertion 'one value at ballot 2' fails after 2 steps\n"))
        #expect(output.stdout.contains("Counterexample (2 steps, shortest; replayed on the explorer):"))
        let bounded = try CommandRunner.fixtures(["bmc", "failing-assert", "--depth", "1", "--bounded", "--quiet"])
        #expect(bounded.status == 0)
    }

    @Test func jsonNamesTheAssertionProperty() throws {
        let output = try CommandRunner.fixtures(["check", "failing-assert", "--json", "--quiet"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let properties = try #require(json["properties"] as? [[String: Any]])
        #expect(properties.map { $0["kind"] as? String } == ["assertion", "deadlock"])
        #expect(properties.map { $0["name"] as? String } == ["one value at ballot 2", "deadlock freedom"])
        #expect(properties.map { $0["verdict"] as? String } == ["violated", "unknown"])
        #expect(properties[0]["location"] as? String == "kripke_fixtures/FixtureSpecs.swift:25")
    }

    /// `--no-invariants` checks deadlocks only, as SPIN without assertions.
    @Test func noInvariantsLeavesAssertionsOut() throws {
        let output = try CommandRunner.fixtures(["check", "failing-assert", "--no-invariants", "--no-por", "--quiet"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Result: HOLDS — deadlock freedom holds in all 25 reachable states\n"), "\(output.stdout)")
    }

    @Test func partialOrderReductionKeepsTheVerdict() throws {
        for flags in [[], ["--no-por"], ["--no-symmetry"]] {
            let output = try CommandRunner.fixtures(["check", "failing-assert", "--quiet"] + flags)
            #expect(output.status == 1, "\(flags)")
            #expect(output.stdout.contains("Result: VIOLATED — assertion 'one value at ballot 2' fails after 2 steps"), "\(flags)")
        }
    }
}
