import Kripke
import SMT

extension Algebra {
    /// A binary IR operator with the explorer's meaning: comparisons and connectives give 0/1,
    /// `divide` truncates toward zero and `modulo` is non-negative (Swift `%` shifted by `|b|`).
    /// Division by zero is the caller's modelling fault (the step is disabled); its value here is
    /// unspecified. Dividing by a state-dependent value is non-linear: Z3 may be slow or give up.
    ///
    /// ```swift
    /// try algebra.binary(.modulo, .constant(-1), .constant(3))   // .constant(2)
    /// ```
    func binary(_ op: Expr.BinaryOperator, _ a: SymValue, _ b: SymValue) throws -> SymValue {
        if let x = a.known, let y = b.known { return .constant(op.apply(x, y) ?? 0) }
        switch op {
        case .and: return try and([a, b])
        case .or: return try or([a, b])
        case .implies: return try implies(a, b)
        case .eq: return try equality(a, b)
        case .ne: return try not(equality(a, b))
        case .lt: return .boolean(try integer(a) < integer(b))
        case .le: return .boolean(try integer(a) <= integer(b))
        case .gt: return .boolean(try integer(a) > integer(b))
        case .ge: return .boolean(try integer(a) >= integer(b))
        case .add: return try sum([a, b])
        case .subtract: return .integer(try integer(a) - integer(b))
        case .min: return try ite(binary(.le, a, b), a, b)
        case .max: return try ite(binary(.ge, a, b), a, b)
        case .multiply:
            if let x = a.known { return .integer(try integer(b) * x) }
            if let y = b.known { return .integer(try integer(a) * y) }
            throw SymbolicError.unsupported("multiplication of two state-dependent values (non-linear arithmetic)")
        case .modulo:   // the explorer's non-negative remainder is SMT-LIB's Euclidean `mod`
            return .integer(try integer(a).euclideanRemainder(integer(b)))
        case .divide:   // truncation toward zero: one above (b > 0) or below Euclidean `div` for a < 0 inexact
            let (x, y) = (try integer(a), try integer(b))
            let quotient = SymValue.integer(try x.euclideanQuotient(y))
            let inexact = try and([binary(.lt, a, .constant(0)), binary(.ne, .integer(x.euclideanRemainder(y)), .constant(0))])
            let adjusted = try ite(binary(.gt, b, .constant(0)), sum([quotient, .constant(1)]), binary(.subtract, quotient, .constant(1)))
            return try ite(inexact, adjusted, quotient)
        }
    }

    /// Equality that stays Boolean when both sides are (Booleans are 0/1 integers in the IR).
    private func equality(_ a: SymValue, _ b: SymValue) throws -> SymValue {
        switch (a, b) {
        case (.boolean(let x), .boolean(let y)): return .boolean(try x.iff(y))
        case (.boolean, .constant(let c)): return c == 1 ? a : (c == 0 ? try not(a) : .false)
        case (.constant, .boolean): return try equality(b, a)
        default: return .boolean(try integer(a) == integer(b))
        }
    }
}
