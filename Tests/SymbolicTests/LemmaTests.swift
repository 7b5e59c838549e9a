import Explorer
import Kripke
import Specs
@testable import Symbolic
import Lemmas
import Testing

/// Helper lemmas: checked by the explorer like invariants, proved inductive by `prove` together
/// with the invariants and assumed in their consecution.
@Suite struct LemmaTests {
    /// `x ≤ 2` holds (x and y rise together and y stops at 2) but is not inductive alone:
    /// from x = 2, y = 0 a step reaches x = 3. The lemma `x = y` excludes that state.
    static func counters(lemma: Bool) -> SpecDefinition {
        SpecDefinition(name: "counters", summary: "x rises with y", parameters: [], expectation: .holds) { s in
            let p = s.process("p")
            let x = s.global("x", in: .range(0...5), initial: 0)
            let y = s.global("y", in: .range(0...5), initial: 0)
            s.action("step", for: p) { _ in
                Require(y < 2)
                x <- x + 1
                y <- y + 1
            }
            s.invariant("x at most 2", x <= 2)
            if lemma { s.lemma("x equals y", x == y) }
        }
    }

    @Test func withoutTheLemmaTheInvariantIsNotInductive() throws {
        let result = try KInduction(Self.counters(lemma: false).instantiate()).run(maxK: 0)
        guard case .notInductive(0, "x at most 2", let cti) = result.verdict else {
            Issue.record("x ≤ 2 alone is not 0-inductive")
            return
        }
        #expect(cti.length == 1)
        #expect(result.consecution == [.init(property: "x at most 2", isLemma: false, holds: false, uses: [])])
    }

    /// Without the lemma, the facts mined from the reachable states that the CTI's first state
    /// violates include `x = y`; assumed as a lemma, it discharges the failing consecution.
    @Test func aMinedFactClosesTheStep() throws {
        let ir = try Self.counters(lemma: false).instantiate()
        guard case .notInductive(0, _, let cti) = try KInduction(ir).run(maxK: 0).verdict else {
            Issue.record("x ≤ 2 alone is not 0-inductive")
            return
        }
        let mined = ReachableFacts(ir)
        var options = SearchOptions(partialOrder: false)
        options.symmetry = false
        options.visitor = mined
        _ = try BreadthFirstSearch(ir, options: options).run()
        #expect(mined.states == 3)
        let facts = mined.violated(by: try #require(cti.frames?.first), limit: 20)
        #expect(facts.map(\.statement) == ["x = y", "x = 2 ⇒ y = 2"])
        for fact in facts {
            #expect(try KInduction(ReachableFacts.adding(fact, to: ir)).consecutionHolds(of: 0, k: 0))
        }
        // Without any lemma, consecution fails.
        #expect(try !KInduction(ir).consecutionHolds(of: 0, k: 0))
    }

    @Test func theLemmaIsProvedAndAssumed() throws {
        let ir = try Self.counters(lemma: true).instantiate()
        #expect(ir.invariants.map(\.isLemma) == [false, true])
        let result = try KInduction(ir).run(maxK: 0)
        guard case .proved(0) = result.verdict else {
            Issue.record("x ≤ 2 with x = y is inductive")
            return
        }
        #expect(result.consecution == [
            .init(property: "x at most 2", isLemma: false, holds: true, uses: ["x equals y"]),
            .init(property: "x equals y", isLemma: true, holds: true, uses: []),
        ])
    }

    @Test func theExplorerChecksAFalseLemmaLikeAnInvariant() throws {
        let spec = SpecDefinition(name: "false lemma", summary: "", parameters: [], expectation: .violated) { s in
            let p = s.process("p")
            let x = s.global("x", in: .range(0...3), initial: 0)
            s.action("step", for: p) { _ in
                Require(x < 2)
                x <- x + 1
            }
            s.lemma(Property("x at most 1", x <= 1))
        }
        let result = try BreadthFirstSearch(try spec.instantiate(), options: SearchOptions(partialOrder: false)).run()
        guard case .violated(let violation) = result.verdict else {
            Issue.record("x reaches 2")
            return
        }
        #expect(violation.kind == .invariant("x at most 1"))
    }
}

/// The shipped inductive invariant of the quorum spec: read-your-writes with its lemmas is
/// proved by k-induction (0-inductive) at the defaults and at (5, 3, 3).
@Suite struct ShippedProofTests {
    @Test(arguments: [["N": 3, "W": 2, "R": 2], ["N": 5, "W": 3, "R": 3]])
    func quorumReplicationIsProved(parameters: [String: Int]) throws {
        try ShippedProof.expectProved(QuorumReplication.correct, parameters, invariants: ["read-your-writes"], lemmas: 7)
    }
}
