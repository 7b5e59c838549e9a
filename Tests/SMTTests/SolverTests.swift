import SMT
import Testing

@Suite struct SolverTests {
    @Test func z3SolvesTrivialFormula() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        let x = try ctx.intConst("x")
        try solver.assert(x > 41)
        try solver.assert(x < 43)
        #expect(try solver.check() == .sat)
        #expect(try solver.model().int(x) == 42)
    }

    @Test func modelSatisfiesLinearConstraintsExactly() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        let x = try ctx.intConst("x"), y = try ctx.intConst("y")
        try solver.assert(x + y == 10)
        try solver.assert(x > y)
        try solver.assert(y > 3)
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        let xv = try model.int(x), yv = try model.int(y)
        #expect(xv + yv == 10)
        #expect(xv > yv)
        #expect(yv > 3)
        #expect(xv == 6 && yv == 4)  // the only solution
        #expect(try model.bool(x + y == 10))
        #expect(try model.bool(x <= y) == false)
    }

    @Test func modelCompletionGivesValuesToUnconstrainedConstants() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        let x = try ctx.intConst("x"), free = try ctx.intConst("free"), flag = try ctx.boolConst("flag")
        try solver.assert(x == 7)
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        #expect(try model.int(x) == 7)
        _ = try model.int(free)
        _ = try model.bool(flag)
        #expect(try model.int(free * 2 - free - free) == 0)
        #expect(try model.evaluate(x + 1).description == "8")
    }

    @Test func unsatisfiableConstraintsAreUnsat() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        let x = try ctx.intConst("x")
        try solver.assert(x > 5 && x < 5)
        #expect(try solver.check() == .unsat)
        #expect(throws: SMTError.self) { try solver.model() }
    }

    @Test func unsatCoreContainsTheConflictingAssumptions() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        let x = try ctx.intConst("x"), y = try ctx.intConst("y")
        let big = try ctx.boolConst("big"), small = try ctx.boolConst("small"), other = try ctx.boolConst("other")
        try solver.assert(big.implies(x > 5))
        try solver.assert(small.implies(x < 3))
        try solver.assert(other.implies(y == 1))

        #expect(try solver.check(assuming: [big, other]) == .sat)
        #expect(try solver.model().int(y) == 1)

        #expect(try solver.check(assuming: [big, small, other]) == .unsat)
        let core = try solver.unsatCore()
        #expect(core.contains { $0.isIdentical(to: big) })
        #expect(core.contains { $0.isIdentical(to: small) })
        #expect(!core.contains { $0.isIdentical(to: other) })

        // Assumptions are not asserted: without them the problem is satisfiable.
        #expect(try solver.check() == .sat)
        // A negated assumption works too.
        #expect(try solver.check(assuming: [big, !big]) == .unsat)
    }

    @Test func pushAndPopScopeAssertions() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        let x = try ctx.intConst("x")
        try solver.assert(x >= 0)
        #expect(solver.scopeDepth == 0)

        try solver.push()
        try solver.assert(x < 0)
        #expect(solver.scopeDepth == 1)
        #expect(try solver.check() == .unsat)

        try solver.push()
        #expect(solver.scopeDepth == 2)
        try solver.pop(2)
        #expect(solver.scopeDepth == 0)
        #expect(try solver.check() == .sat)
        #expect(try solver.model().int(x) >= 0)

        try solver.push()
        try solver.assert(x == 3)
        #expect(try solver.check() == .sat)
        #expect(try solver.model().int(x) == 3)
        try solver.pop()
        try solver.assert(x == 4)
        #expect(try solver.check() == .sat)
        #expect(try solver.model().int(x) == 4)
    }

    @Test func smallPigeonholeIsUnsat() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        try solver.assert(Pigeonhole.integers(ctx, pigeons: 5, holes: 4))
        #expect(try solver.check() == .unsat)

        let propositional = try Solver(context: ctx)
        try propositional.assert(Pigeonhole.propositional(ctx, pigeons: 5, holes: 4))
        #expect(try propositional.check() == .unsat)
    }

    @Test func pigeonholeWithEnoughHolesIsSat() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        try solver.assert(Pigeonhole.integers(ctx, pigeons: 4, holes: 4))
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        let holes = try (0..<4).map { try model.int(ctx.intConst("h@\($0)")) }
        #expect(Set(holes) == [0, 1, 2, 3])
    }
}
