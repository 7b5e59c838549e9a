import Explorer
import Kripke
import Symbolic
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
}
