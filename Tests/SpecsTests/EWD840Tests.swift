import Explorer
import Kripke
import Specs
import Testing

/// EWD 840, the library's spec with a set of initial states. The counts are those of an
/// independent enumeration of `EWD840.tla` (tlaplus/Examples) — every combination of activity
/// and colours per node and token position, the token black — with the same successor
/// relation: N=3 192 initial states, 302 states, 1,625 transitions, diameter 8; N=4 1,024,
/// 1,566 (TLC's count for the model), 13,938, 11.
@Suite struct EWD840Tests {
    @Test(arguments: [(3, 192, 302, 1_625, 8), (4, 1_024, 1_566, 13_938, 11)])
    func correctHoldsWithTheTLAModelsCounts(n: Int, initial: Int, states: Int, transitions: Int, depth: Int) throws {
        let result = try SpecHarness.check("ewd840", ["N": n])
        #expect(SpecHarness.holds(result))
        #expect(result.statistics.initialStates == initial)
        #expect(result.statistics.states == states)
        #expect(result.statistics.transitions == transitions)
        #expect(result.statistics.depth == depth)
    }

    /// Partial-order reduction leaves out nothing here (every step reads or writes what the
    /// invariants read), and comes to the same verdict.
    @Test func partialOrderReductionAgrees() throws {
        let reduced = try SpecHarness.check("ewd840", partialOrder: true)
        #expect(SpecHarness.holds(reduced))
        #expect(reduced.statistics.states == 302)
    }

    /// Once every node is passive, node 0 concludes — given weakly fair token passing.
    @Test func terminationIsDetectedOnEveryFairRun() throws {
        let result = try LivenessChecker(SpecHarness.spec("ewd840").instantiate()).run()
        #expect(result.incomplete == nil)
        #expect(result.states == 302)
        #expect(result.properties.map(\.name) == ["termination is detected"])
        #expect(result.properties.allSatisfy { $0.lasso == nil })
    }

    /// A black node whitens itself without blackening the token: Dijkstra's invariant breaks
    /// first (node 0 starts a round, node 2 — active and black — passes the token on white),
    /// the detection one step later, from an initial state where node 2 is already active.
    @Test func tokenStaysWhiteBreaksDijkstrasInvariantThenTheDetection() throws {
        let result = try SpecHarness.check("ewd840-token-stays-white")
        let violation = try #require(SpecHarness.violation(result))
        #expect(violation.kind == .invariant("Dijkstra's invariant"))
        #expect(violation.trace.steps.map(\.action) == ["initiate probe", "pass token"])
        #expect(violation.trace.states[0]["tpos"]?.description == "node0")
        #expect(violation.trace.states[0]["active"]?.description == "[node0: false, node1: false, node2: true]")

        let ir = try SpecHarness.spec("ewd840-token-stays-white").instantiate().keepingInvariants(named: ["termination detection"])
        let detection = try #require(SpecHarness.violation(BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run()))
        #expect(detection.kind == .invariant("termination detection"))
        #expect(detection.trace.length == 3)
        #expect(try TraceReplay(ir).replay(detection.trace) == .replays)
    }
}
