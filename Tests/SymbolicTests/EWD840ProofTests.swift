import Specs
import Testing

/// Dijkstra's invariant is the inductive invariant of EWD 840: with it, termination detection
/// is 0-inductive from the 192 initial states (TLA+'s `Init` as the base case), for several
/// sizes — the reason the algorithm is correct, checked for every depth.
@Suite struct EWD840ProofTests {
    @Test(arguments: [3, 5])
    func terminationDetectionIsProvedByDijkstrasInvariant(n: Int) throws {
        try ShippedProof.expectProved(EWD840.correct, ["N": n], invariants: ["termination detection", "Dijkstra's invariant"],
                                      lemmas: 0)
    }
}
