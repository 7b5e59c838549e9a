import Explorer
import Kripke
import Specs
import Symbolic
import Verification
import Testing

/// BMC against the explorer on the spec library: the same verdicts, counterexamples of the
/// explorer's (shortest) length, and every BMC counterexample replays on the explorer.
@Suite struct BoundedModelCheckerTests {
    static func explorerViolation(_ ir: SpecIR) throws -> Violation {
        guard case .violated(let violation) = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run().verdict else {
            Issue.record("the explorer finds no violation")
            throw SymbolicError.unsupported("no violation")
        }
        return violation
    }

    @Test(arguments: [2])
    func tieBugIsFoundAtTheExplorersDepth(processes: Int) throws {
        let ir = try RicartAgrawala.tieBug.instantiate(["N": processes])
        let shortest = try Self.explorerViolation(ir).trace.length
        let result = try BoundedModelChecker(ir).run(depth: shortest + 2)
        guard case .violated(let counterexample) = result.verdict else {
            Issue.record("BMC finds no violation up to depth \(shortest + 2)")
            return
        }
        #expect(counterexample.property == .invariant("mutual exclusion"))
        #expect(counterexample.trace.length == shortest)
        #expect(try TraceReplay(ir).replay(counterexample.trace) == .replays)
    }

    @Test func correctRicartAgrawalaHoldsToTheExplorersDiameter() throws {
        let ir = try RicartAgrawala.correct.instantiate(["N": 2])
        let explored = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run()
        let result = try BoundedModelChecker(ir).run(depth: explored.statistics.depth)
        guard case .holdsToDepth(let depth) = result.verdict else {
            Issue.record("BMC reports a violation of a correct spec")
            return
        }
        #expect(depth == explored.statistics.depth)
    }
}
