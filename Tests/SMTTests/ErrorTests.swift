import SMT
import Testing

@Suite struct ErrorTests {
    private func z3Message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let SMTError.z3(_, message) {
            return message
        } catch {
            return "unexpected error \(error)"
        }
    }

    @Test func sortMismatchIsThrownAndTheContextSurvives() throws {
        let ctx = try Context()
        let p = try ctx.boolConst("p"), x = try ctx.intConst("x")
        let addition = z3Message { _ = try p + x }
        #expect(addition?.contains("Sort mismatch") == true)
        let equality = z3Message { _ = try p == x }
        #expect(equality?.contains("incompatible") == true)
        let conjunction = z3Message { _ = try x && p }
        #expect(conjunction?.contains("Sort mismatch") == true)
        let branch = z3Message { _ = try p.ite(then: x, else: p) }
        #expect(branch != nil)

        let solver = try Solver(context: ctx)
        #expect(z3Message { try solver.assert(x) } != nil)
        try solver.assert(p && x == 3)
        #expect(try solver.check() == .sat)
        #expect(try solver.model().bool(p))
        #expect(throws: SMTError.evaluationFailed("p evaluates to true, which is not an Int")) {
            try solver.model().int(p)
        }
    }

    @Test func invalidParametersAreThrown() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        let unknown = z3Message { try solver.setParameter("no_such_parameter", true) }
        #expect(unknown?.contains("unknown parameter") == true)
        let wrongType = z3Message { try solver.setParameter("timeout", true) }
        #expect(wrongType != nil)
        try solver.setParameter("random_seed", UInt32(7))
        try solver.assert(ctx.intConst("x") > 0)
        #expect(try solver.check() == .sat)
    }

    @Test func poppingTooFarIsThrown() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        try solver.push()
        #expect(throws: SMTError.self) { try solver.pop(2) }
        #expect(solver.scopeDepth == 1)
        try solver.pop()
        #expect(throws: SMTError.self) { try solver.pop() }
    }

    @Test func mixingContextsIsThrown() throws {
        let first = try Context(), second = try Context()
        let x = try first.intConst("x"), y = try second.intConst("y")
        #expect(throws: SMTError.contextMismatch) { try x + y }
        #expect(throws: SMTError.contextMismatch) { try first.and([x > 0, y > 0]) }
        #expect(throws: SMTError.contextMismatch) { try first.distinct([y]) }
        #expect(throws: SMTError.contextMismatch) { try first.constant("z", sort: second.intSort) }
        let solver = try Solver(context: first)
        #expect(throws: SMTError.contextMismatch) { try solver.assert(y > 0) }
        #expect(throws: SMTError.contextMismatch) { try solver.check(assuming: [second.boolConst("b")]) }
        #expect(try !x.isIdentical(to: second.intConst("x")))
    }

    @Test func valuesOutsideIntRangeAreThrown() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        let x = try ctx.intConst("x")
        try solver.assert(x == Int.max)
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        #expect(try model.int(x) == Int.max)
        #expect(throws: SMTError.evaluationFailed("(+ x 1) evaluates to 9223372036854775808, which is not an Int")) {
            try model.int(x + 1)
        }
        #expect(throws: SMTError.evaluationFailed("x evaluates to 9223372036854775807, which is not a Boolean")) {
            try model.bool(x)
        }
    }

    @Test func modelBeforeAnyCheckIsThrown() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        #expect(throws: SMTError.self) { try solver.model() }
    }
}
