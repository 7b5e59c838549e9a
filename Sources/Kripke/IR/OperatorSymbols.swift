extension Expr.BinaryOperator {
    /// The operator as specs and reports write it.
    ///
    /// ```swift
    /// Expr.BinaryOperator.lt.symbol        // "<"
    /// Expr.BinaryOperator.implies.symbol   // "implies"
    /// ```
    public var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .modulo: return "mod"
        case .min: return "min"
        case .max: return "max"
        case .eq: return "=="
        case .ne: return "!="
        case .lt: return "<"
        case .le: return "<="
        case .gt: return ">"
        case .ge: return ">="
        case .and: return "and"
        case .or: return "or"
        case .implies: return "implies"
        }
    }
}
