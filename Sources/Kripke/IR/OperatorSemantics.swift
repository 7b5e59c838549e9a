extension Expr.BinaryOperator {
    /// The operator applied to two known values, with the semantics every engine gives it:
    /// wrapping arithmetic, truncating division, a non-negative modulo, booleans as 0 and 1.
    /// `nil` for a division or modulo by zero. (The explorer compiles the same rules into
    /// specialised closures; the symbolic engine folds constants with this.)
    ///
    /// ```swift
    /// Expr.BinaryOperator.modulo.apply(-1, 3)   // 2
    /// Expr.BinaryOperator.divide.apply(1, 0)    // nil
    /// ```
    public func apply(_ a: Int, _ b: Int) -> Int? {
        switch self {
        case .add: return a &+ b
        case .subtract: return a &- b
        case .multiply: return a &* b
        case .divide: return b == 0 ? nil : a / b
        case .modulo:
            guard b != 0 else { return nil }
            let r = a % b
            return r < 0 ? r + abs(b) : r
        case .min: return Swift.min(a, b)
        case .max: return Swift.max(a, b)
        case .eq: return a == b ? 1 : 0
        case .ne: return a != b ? 1 : 0
        case .lt: return a < b ? 1 : 0
        case .le: return a <= b ? 1 : 0
        case .gt: return a > b ? 1 : 0
        case .ge: return a >= b ? 1 : 0
        case .and: return a != 0 && b != 0 ? 1 : 0
        case .or: return a != 0 || b != 0 ? 1 : 0
        case .implies: return a == 0 || b != 0 ? 1 : 0
        }
    }
}
