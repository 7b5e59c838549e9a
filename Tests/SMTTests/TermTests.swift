import SMT
import Testing

@Suite struct TermTests {
    /// Evaluates a closed (constant-free) term.
    private func value(_ term: Term) throws -> Int {
        let solver = try Solver(context: term.context)
        #expect(try solver.check() == .sat)
        return try solver.model().int(term)
    }

    private func truth(_ term: Term) throws -> Bool {
        let solver = try Solver(context: term.context)
        #expect(try solver.check() == .sat)
        return try solver.model().bool(term)
    }

    @Test func arithmeticOperatorsAndTheirNamedTwins() throws {
        let ctx = try Context()
        let seven = try ctx.int(7), three = try ctx.int(3)
        #expect(try value(seven + three) == 10)
        #expect(try value(seven.plus(three)) == 10)
        #expect(try value(seven - three) == 4)
        #expect(try value(seven.minus(three)) == 4)
        #expect(try value(seven + 1) == 8)
        #expect(try value(seven - 1) == 6)
        #expect(try value(seven * 3) == 21)
        #expect(try value(3 * seven) == 21)
        #expect(try value(seven.times(-2)) == -14)
        #expect(try value(-seven) == -7)
        #expect(try value(seven.negated()) == -7)
        #expect(try value(ctx.sum([seven, three, seven])) == 17)
        #expect(try value(ctx.sum([])) == 0)
        #expect(try value(ctx.int(Int(Int64.min))) == Int(Int64.min))
    }

    /// SMT-LIB `div`/`mod` are Euclidean: the remainder is never negative, unlike Swift's `%`.
    @Test func euclideanQuotientAndRemainder() throws {
        let ctx = try Context()
        let cases = [(7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -3, 1), (-7, -2, 4, 1), (-6, 3, -2, 0)]
        for (a, b, quotient, remainder) in cases {
            #expect(try value(ctx.int(a).euclideanQuotient(ctx.int(b))) == quotient)
            #expect(try value(ctx.int(a).euclideanRemainder(ctx.int(b))) == remainder)
        }
    }

    @Test func comparisonOperatorsAndTheirNamedTwins() throws {
        let ctx = try Context()
        let two = try ctx.int(2), five = try ctx.int(5)
        #expect(try truth(two < five))
        #expect(try truth(two.lessThan(five)))
        #expect(try truth(two <= 2))
        #expect(try truth(two.lessThanOrEqual(two)))
        #expect(try !truth(two > five))
        #expect(try !truth(two.greaterThan(five)))
        #expect(try truth(five >= 5))
        #expect(try truth(five.greaterThanOrEqual(two)))
        #expect(try truth(two == 2))
        #expect(try truth(two.equals(ctx.int(2))))
        #expect(try truth(two != five))
        #expect(try truth(two.notEquals(five)))
        #expect(try !truth(two != 2))
        #expect(try truth(ctx.distinct([two, five, ctx.int(3)])))
        #expect(try !truth(ctx.distinct([two, five, ctx.int(2)])))
        #expect(try truth(ctx.distinct([two])))
    }

    @Test func booleanConnectivesAndTheirNamedTwins() throws {
        let ctx = try Context()
        let t = try ctx.bool(true), f = try ctx.bool(false)
        #expect(try !truth(t && f))
        #expect(try !truth(t.and(f)))
        #expect(try truth(t || f))
        #expect(try truth(f.or(t)))
        #expect(try truth(!f))
        #expect(try truth(f.not()))
        #expect(try truth(f.implies(f)))
        #expect(try !truth(t.implies(f)))
        #expect(try truth(f.iff(f)))
        #expect(try !truth(t.iff(f)))
        #expect(try truth(t == t))
        #expect(try truth(ctx.and([])))
        #expect(try !truth(ctx.or([])))
        #expect(try truth(ctx.and([t, t, t])))
        #expect(try truth(ctx.or([f, f, t])))
        #expect(try value(t.ite(then: ctx.int(1), else: ctx.int(2))) == 1)
        #expect(try value(f.ite(then: ctx.int(1), else: ctx.int(2))) == 2)
    }

    @Test func constantsHaveNamesAndSorts() throws {
        let ctx = try Context()
        let x = try ctx.intConst("x@3"), p = try ctx.boolConst("p@3")
        #expect(x.description == "x@3")
        #expect(x.sort.isInt && !x.sort.isBool)
        #expect(p.sort.isBool && !p.sort.isInt)
        #expect(ctx.intSort.description == "Int")
        #expect(try (x + 1).description == "(+ x@3 1)")
        #expect(try x.isIdentical(to: ctx.intConst("x@3")))
        #expect(try !x.isIdentical(to: ctx.intConst("x@4")))
        #expect(try ctx.constant("q", sort: ctx.boolSort).sort.isBool)
    }

    @Test func manyTermsCanBeCreatedAndDropped() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        var accumulator = try ctx.int(0)
        for frame in 0..<5_000 {
            let x = try ctx.intConst("x@\(frame)")
            let constraint = try (x * 2 + frame == frame + 2) && !(x != 1)
            accumulator = try accumulator + x
            if frame.isMultiple(of: 1_000) {
                try solver.assert(constraint)
            }
            _ = constraint.description
        }
        for frame in 0..<5_000 {
            try solver.assert(ctx.intConst("x@\(frame)") == 1)
        }
        #expect(try solver.check() == .sat)
        #expect(try solver.model().int(accumulator) == 5_000)
    }

    @Test func termsKeepTheirContextAlive() throws {
        func makeTerm() throws -> Term {
            let ctx = try Context()
            return try ctx.intConst("orphan") + 1
        }
        let term = try makeTerm()
        let solver = try Solver(context: term.context)
        try solver.assert(term == 5)
        #expect(try solver.check() == .sat)
        #expect(try solver.model().int(term.context.intConst("orphan")) == 4)
    }
}
