import Kripke
import Symbolic
import Verification
import Testing

/// The checks every shipped inductive invariant gets: proved at k = 0 with every consecution
/// obligation discharged, the spec's own invariants in order and its number of lemmas; and a buggy
/// variant without lemmas whose step case fails at k = 0 in one step.
///
/// ```swift
/// try ShippedProof.expectProved(TokenRing.correct, ["N": 5], invariants: ["mutual exclusion"], lemmas: 2)
/// ```
enum ShippedProof {
    static func expectProved(_ spec: SpecDefinition, _ parameters: [String: Int] = [:], invariants: [String],
                             lemmas: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let result = try KInduction(spec.instantiate(parameters)).run(maxK: 1)
        guard case .proved(0) = result.verdict else {
            Issue.record("\(spec.name) \(parameters) with its lemmas is 0-inductive: \(result.verdict)",
                         sourceLocation: sourceLocation)
            return
        }
        for obligation in result.consecution where !obligation.holds {
            Issue.record("consecution of '\(obligation.property)' fails", sourceLocation: sourceLocation)
        }
        #expect(result.consecution.filter { !$0.isLemma }.map(\.property) == invariants, sourceLocation: sourceLocation)
        #expect(result.consecution.filter(\.isLemma).count == lemmas, sourceLocation: sourceLocation)
    }

    /// Every invariant and lemma is 0-inductive, but that no send finds the network full is not,
    /// and the instance is too large for the explorer to enumerate (`KInduction.capacityStates`):
    /// so it is not proved — the network capacity might be reached.
    static func expectCapacityUnproved(_ spec: SpecDefinition, _ parameters: [String: Int], invariants: [String],
                                       lemmas: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var prover = KInduction(try spec.instantiate(parameters))
        prover.capacityStates = 100_000   // these instances have millions: the explorer stops at any limit
        let result = try prover.run(maxK: 0)
        guard case .notInductive(0, KInduction.capacityObligation, _) = result.verdict else {
            Issue.record("\(spec.name) \(parameters): \(result.verdict)", sourceLocation: sourceLocation)
            return
        }
        #expect(result.capacity == .unproved, sourceLocation: sourceLocation)
        #expect(result.consecution.allSatisfy { $0.holds }, sourceLocation: sourceLocation)
        #expect(result.consecution.filter { !$0.isLemma }.map(\.property) == invariants, sourceLocation: sourceLocation)
        #expect(result.consecution.filter(\.isLemma).count == lemmas, sourceLocation: sourceLocation)
    }

    static func expectNotInductive(_ spec: SpecDefinition, failing invariant: String,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let result = try KInduction(spec.instantiate()).run(maxK: 0)
        #expect(result.consecution.allSatisfy { !$0.isLemma }, sourceLocation: sourceLocation)
        guard case .notInductive(0, invariant, let cti) = result.verdict else {
            Issue.record("\(spec.name) carries no lemmas, so '\(invariant)' is not 0-inductive: \(result.verdict)",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(cti.steps.count == 1, sourceLocation: sourceLocation)
    }
}
