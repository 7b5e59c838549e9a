import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Testing

/// BMC on the newer DSL constructs — scalarsets, message sets, environment steps with a
/// sequence — finds each violation at the explorer's shortest length (the counterexample
/// replays), and nothing on the holding variants up to their diameter.
@Suite struct DSLConstructsBMCTests {
    static func expectSameViolation(_ ir: SpecIR, depth: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard case .violated(let shortest) = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run().verdict,
              case .violated(let found) = try BoundedModelChecker(ir).run(depth: depth).verdict else {
            Issue.record("\(ir.name): both engines should find a violation", sourceLocation: sourceLocation)
            return
        }
        #expect(found.trace.length == shortest.trace.length, sourceLocation: sourceLocation)
        if case .invariant(let name) = shortest.kind {
            #expect(found.property == .invariant(name), sourceLocation: sourceLocation)
        } else {
            Issue.record("\(ir.name): the explorer's violation should be an invariant's", sourceLocation: sourceLocation)
        }
        #expect(try TraceReplay(ir).replay(found.trace) == .replays, sourceLocation: sourceLocation)
    }

    static func expectNothing(_ ir: SpecIR, depth: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard case .holdsToDepth(depth) = try BoundedModelChecker(ir).run(depth: depth).verdict else {
            Issue.record("\(ir.name): BMC should find nothing up to depth \(depth)", sourceLocation: sourceLocation)
            return
        }
    }

    @Test func scalarsets() throws {
        try Self.expectSameViolation(DSLSpecs.decide(wrongDecision: true), depth: 3)
        try Self.expectNothing(DSLSpecs.decide(), depth: 2)
    }

    @Test func messageSets() throws {
        try Self.expectSameViolation(DSLSpecs.pings(.messageSet(), heardBelow: 2), depth: 3)
        try Self.expectNothing(DSLSpecs.pings(.messageSet()), depth: 3)
    }

    @Test func environmentStepsAndSequences() throws {
        try Self.expectSameViolation(DSLSpecs.clock(), depth: 4)
        try Self.expectNothing(DSLSpecs.clock(invariant: false), depth: 5)
    }
}
