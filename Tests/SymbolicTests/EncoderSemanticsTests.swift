import Explorer
import Kripke
import Symbolic
import Verification
import Testing

/// The encoder's reading of statements and expressions, pinned on tiny specs where the explorer
/// gives the expected answer: sequential statements, domains, unsupported arithmetic.
@Suite struct EncoderSemanticsTests {
    /// One process counts `x` up; `y` copies `x` in the same step, after the increment.
    static let counter = SpecDefinition(name: "counter", summary: "sequential writes", parameters: [],
                                        expectation: .violated) { s in
        let p = s.process("p")
        let x = s.global("x", in: .range(0...3), initial: 0)
        let y = s.global("y", in: .range(0...3), initial: 0)
        s.action("step", for: p) { _ in
            Require(x < 3)
            x <- x + 1
            y <- x
        }
        s.invariant("y lags x", y < x || x == 0)
    }

    @Test func laterStatementsSeeEarlierWrites() throws {
        let ir = try Self.counter.instantiate()
        let result = try BoundedModelChecker(ir, checkDeadlock: false).run(depth: 3)
        guard case .violated(let counterexample) = result.verdict else {
            Issue.record("BMC misses the violation in the first step")
            return
        }
        #expect(counterexample.trace.length == 1)
        #expect(counterexample.trace.states[1]["y"] == .int(1))
    }

    @Test func deadlockIsAStateWithoutStepsThatIsNoValidEnd() throws {
        let ir = try Self.counter.instantiate()
        var explorerOptions = SearchOptions()
        explorerOptions.partialOrder = false
        explorerOptions.checkDeadlock = true
        let withoutInvariant = SpecIR(name: ir.name, parameters: ir.parameters, roles: ir.roles, variables: ir.variables,
                                      messages: ir.messages, network: ir.network, actions: ir.actions, invariants: [],
                                      validEndState: nil, bindingCount: ir.bindingCount)
        guard case .violated(let expected) = try BreadthFirstSearch(withoutInvariant, options: explorerOptions).run().verdict,
              case .violated(let found) = try BoundedModelChecker(withoutInvariant).run(depth: 5).verdict else {
            Issue.record("both engines should report the deadlock after three steps")
            return
        }
        #expect(found.property == .deadlock)
        #expect(found.trace.length == expected.trace.length)
        #expect(found.trace.length == 3)
    }

    static let square = SpecDefinition(name: "square", summary: "non-linear", parameters: [], expectation: .holds) { s in
        let p = s.process("p")
        let x = s.global("x", in: .range(0...3), initial: 1)
        s.action("square", for: p) { _ in
            Require(x < 2)
            x <- x * x
        }
        s.invariant("small", x < 4)
    }

    @Test func nonLinearArithmeticIsReportedNotEncoded() throws {
        let ir = try Self.square.instantiate()
        #expect(throws: SymbolicError.unsupported("multiplication of two state-dependent values (non-linear arithmetic)")) {
            try BoundedModelChecker(ir).run(depth: 2)
        }
    }

    /// One step stores a, b and the explorer's `a / b`, `a % b` (constants folded with the explorer's
    /// semantics) for every a in −7...7 and b in {−3, −2, 2, 3}; the invariant recomputes them from
    /// the state, so BMC proves it only if its symbolic division truncates toward zero and its
    /// remainder is non-negative, exactly as the explorer's.
    static let division = SpecDefinition(name: "division", summary: "symbolic division", parameters: [],
                                         expectation: .holds) { s in
        let p = s.process("p")
        let a = s.global("a", in: .range(-7...7), initial: 0)
        let b = s.global("b", in: .range(-3...3), initial: 1)
        let q = s.global("q", in: .range(-7...7), initial: 0)
        let r = s.global("r", in: .range(0...2), initial: 0)
        let done = s.global("done", in: .bool, initial: false)
        s.action("divide", for: p, choosing: 0...59) { _, choice in
            Require(!done)
            a <- choice % 15 - 7
            b <- Ite(choice / 15 < 2, choice / 15 - 3, choice / 15)
            q <- (choice % 15 - 7) / Ite(choice / 15 < 2, choice / 15 - 3, choice / 15)
            r <- (choice % 15 - 7) % Ite(choice / 15 < 2, choice / 15 - 3, choice / 15)
            done <- true
        }
        s.invariant("quotient and remainder agree", !done || (q == a / b && r == a % b))
    }

    @Test func divisionAndModuloOfStateDependentValuesMatchTheExplorer() throws {
        let ir = try Self.division.instantiate()
        var options = SearchOptions()
        options.partialOrder = false
        options.checkDeadlock = false
        let explored = try BreadthFirstSearch(ir, options: options).run()
        guard case .holds = explored.verdict else {
            Issue.record("the explorer computes q and r: \(explored.verdict)")
            return
        }
        #expect(explored.statistics.states == 61)
        let result = try BoundedModelChecker(ir, checkDeadlock: false).run(depth: 1)
        guard case .holdsToDepth(1) = result.verdict else {
            Issue.record("BMC's division must be the explorer's: \(result.verdict)")
            return
        }
    }
}
