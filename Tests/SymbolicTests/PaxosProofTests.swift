import Kripke
import Specs
import Symbolic
import Verification
import Testing

/// `kripke prove paxos`: agreement and validity of single-decree Paxos, with the helper lemmas of
/// `Paxos.lemmas` (Specs/Consensus/PaxosLemmas.swift), are 0-inductive — every invariant and lemma
/// is preserved by every step from any state satisfying them all.
@Suite struct PaxosProofTests {
    /// The defaults (N=3, P=2, B=2, F=1) and one proposer with three ballots, where an accepted
    /// value must be safe at two earlier ballots (B=3 with two proposers takes ~20 s in a debug build).
    @Test(arguments: [[:], ["P": 1, "B": 3]])
    func agreementAndValidityAreProved(parameters: [String: Int]) throws {
        try ShippedProof.expectProved(Paxos.correct, parameters, invariants: ["agreement", "validity"], lemmas: 17)
    }

    /// The lemmas speak of messages ever sent, which a lossy network forgets, and the buggy
    /// variants must keep their counterexamples: neither gets them.
    @Test func onlyTheCorrectVariantOnAReliableNetworkCarriesLemmas() throws {
        #expect(try Paxos.correct.instantiate().invariants.contains(where: \.isLemma))
        #expect(try !Paxos.correct.instantiate(["B": 1, "F": 0, "L": 1]).invariants.contains(where: \.isLemma))
        #expect(try !Paxos.ignorePromisedValues.instantiate().invariants.contains(where: \.isLemma))
        #expect(try !Paxos.acceptBelowPromise.instantiate().invariants.contains(where: \.isLemma))
    }
}
