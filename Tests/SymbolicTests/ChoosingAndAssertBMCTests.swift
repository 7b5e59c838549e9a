import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Verification
import Testing

/// BMC against the explorer on actions choosing several values and on `Assert`: the same
/// violation at the same depth, replayed on the explorer, and the same verdict where none exists.
@Suite struct ChoosingAndAssertBMCTests {
    private func explorerViolation(_ ir: SpecIR) throws -> Violation? {
        guard case .violated(let violation) = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run().verdict
        else { return nil }
        return violation
    }

    @Test(arguments: [false, true])
    func assertionIsFoundAtTheExplorersDepth(stepOrder: Bool) throws {
        let ir = try ChoosingSpecs.boundedSum.instantiate()
        let shortest = try #require(try explorerViolation(ir))
        #expect(shortest.trace.length == 3)
        var checker = BoundedModelChecker(ir)
        checker.partialOrderReduction = stepOrder
        let result = try checker.run(depth: 6)
        guard case .violated(let counterexample) = result.verdict else {
            Issue.record("BMC finds no violation up to depth 6: \(result.verdict)")
            return
        }
        #expect(counterexample.property == .assertion(ChoosingSpecs.sumAssertion))
        #expect(counterexample.description == "assertion 'total stays at most 4'")
        #expect(counterexample.trace.length == 3)
        #expect(counterexample.trace.steps.last?.action == "add")
        #expect(counterexample.trace.steps.last?.choices == [2])
        #expect(try TraceReplay(ir).replay(counterexample.trace) == .replays)
    }

    @Test func noAssertionFailsBeforeTheExplorersDepth() throws {
        let ir = try ChoosingSpecs.boundedSum.instantiate()
        let result = try BoundedModelChecker(ir).run(depth: 2)
        guard case .holdsToDepth(let depth) = result.verdict else {
            Issue.record("expected no violation in 2 steps: \(result.verdict)")
            return
        }
        #expect(depth == 2)
    }

    @Test func twoChoicesViolationAtTheExplorersDepth() throws {
        let ir = try ChoosingSpecs.raise(agreement: true).instantiate()
        let shortest = try #require(try explorerViolation(ir))
        let result = try BoundedModelChecker(ir).run(depth: 4)
        guard case .violated(let counterexample) = result.verdict else {
            Issue.record("BMC finds no violation up to depth 4: \(result.verdict)")
            return
        }
        #expect(counterexample.property == .invariant("one value at ballot 2"))
        #expect(counterexample.trace.length == shortest.trace.length)
        #expect(counterexample.trace.length == 2)
        #expect(counterexample.trace.steps.allSatisfy { $0.choices.count == 2 && $0.choices[0] == 2 })
        #expect(try TraceReplay(ir).replay(counterexample.trace) == .replays)
    }

    @Test func twoChoicesHoldToTheExplorersDiameterLikeTheHandWrittenSpec() throws {
        for spec in [ChoosingSpecs.raise(agreement: false), ChoosingSpecs.raiseByHand] {
            let ir = try spec.instantiate()
            let explored = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run()
            #expect(explored.verdict == .holds)
            #expect(explored.statistics.states == 25)
            let result = try BoundedModelChecker(ir).run(depth: explored.statistics.depth + 1)
            guard case .holdsToDepth(let depth) = result.verdict else {
                Issue.record("\(spec.name): BMC reports \(result.verdict)")
                continue
            }
            #expect(depth == 3)
        }
    }

    @Test func bmcInstancesCountEveryCombination() throws {
        let ir = try ChoosingSpecs.raise(agreement: false).instantiate()
        let result = try BoundedModelChecker(ir).run(depth: 1)
        // 2 processes × 2 ballots × 2 values.
        #expect(result.statistics.instances == 8)
    }

    @Test func proveSaysAssertionsAreNotSupported() throws {
        let ir = try ChoosingSpecs.boundedSum.instantiate()
        #expect(throws: SymbolicError.unsupported("Assert statements ('total stays at most 4'): prove does not check "
                                                  + "assertions yet; check them with 'kripke check' or 'kripke bmc'")) {
            try KInduction(ir).run(maxK: 1)
        }
    }
}

/// Bounded liveness agrees with the explorer on fairness of each instance of a two-choice action.
@Suite struct ChoosingBoundedLivenessTests {
    @Test func eachInstanceFairnessAsTheExplorerSeesIt() throws {
        let fair = try BoundedLivenessChecker(try ChoosingSpecs.reachThree(eachInstance: true).instantiate()).run(depth: 4)
        #expect(fair.map(\.name) == ["x reaches 3"])
        #expect(fair.first?.lasso == nil)
        let whole = try BoundedLivenessChecker(try ChoosingSpecs.reachThree(eachInstance: false).instantiate()).run(depth: 4)
        let lasso = try #require(whole.first?.lasso)
        #expect(lasso.length == 1)
        #expect(lasso.steps.first?.choices.count == 2)
    }
}
