import Foundation
import Testing
import Traces

/// `kripke prove` end to end: a shipped proof exits 0; a spec without lemmas exits 3 with a
/// counterexample to induction, and `--explain` adds candidate lemmas mined from its reachable states.
@Suite struct ProveCommandTests {
    @Test func shippedProofExitsZero() throws {
        let output = try CommandRunner.run(["prove", "ricart-agrawala", "--param", "N=2", "--param", "R=1"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Result: PROVED — 'mutual exclusion' holds in every reachable state "
                                       + "(0-inductive, with 8 helper lemmas, proved too)"))
    }

    @Test func notInductiveExitsThreeAndSuggestsLemmas() throws {
        let plain = try CommandRunner.run(["prove", "ricart-agrawala-tie-bug", "--max-k", "0"])
        #expect(plain.status == 3)
        #expect(plain.stdout.contains("Result: NOT INDUCTIVE at k = 0 — invariant 'mutual exclusion'"))
        #expect(plain.stdout.contains("(--explain suggests lemmas)"))
        #expect(!plain.stdout.contains("Candidate lemmas"))

        let explained = try CommandRunner.run(["prove", "ricart-agrawala-tie-bug", "--max-k", "0", "--explain"])
        #expect(explained.status == 3)
        #expect(explained.stdout.contains("""
              invariant 'mutual exclusion'
                initiation:  discharged
                consecution: FAILS (a counterexample to induction ends in a state violating it)
            """))
        #expect(explained.stdout.contains("Candidate lemmas — facts that hold in all 5760 reachable states of this instance"))
        #expect(explained.stdout.contains("Marked ✓: assumed alone, it also discharges the failing consecution of "
                                          + "'mutual exclusion'"))
        // Mutual exclusion needs relational lemmas: no single per-process fact closes it.
        let facts = explained.stdout.split(separator: "\n").filter { $0.hasPrefix("    ∀ i") }
        #expect(!facts.isEmpty && facts.count <= 6)
        #expect(facts.allSatisfy { $0.contains("(fails for i = p") })
    }

    @Test func jsonCarriesTheCandidateLemmas() throws {
        let output = try CommandRunner.run(["prove", "ricart-agrawala-tie-bug", "--max-k", "0", "--explain", "--json"])
        #expect(output.status == 3)
        let result = try JSONValue.parse(output.stdout)
        #expect(result["verdict"] == .string("not-inductive"))
        let hints = try #require(result["candidateLemmas"])
        #expect(hints["reachableStates"] == .int(5760))
        #expect(hints["complete"] == .bool(true))
        guard case .array(let facts) = hints["facts"] else {
            Issue.record("facts is an array")
            return
        }
        #expect(!facts.isEmpty)
        #expect(facts.allSatisfy { $0["closesConsecution"] == .bool(false) })
    }
}
