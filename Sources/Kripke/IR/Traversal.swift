// Structural traversal of the IR, shared by the validator and by engines computing footprints.

extension Expr {
    /// The direct subexpressions of this expression.
    ///
    /// ```swift
    /// Expr.binary(.add, .literal(1), .literal(2)).children   // [.literal(1), .literal(2)]
    /// ```
    public var children: [Expr] {
        switch self {
        case .literal, .binding, .messageField: return []
        case .variable(_, let indices): return indices
        case .unary(_, let operand): return [operand]
        case .binary(_, let lhs, let rhs): return [lhs, rhs]
        case .ite(let c, let t, let e): return [c, t, e]
        case .aggregate(_, _, _, let body): return [body]
        case .inFlight(_, _, _, let filter): return [filter]
        }
    }

    /// Calls `visit` on this expression and every subexpression, parents first.
    public func visit(_ visit: (Expr) -> Void) {
        visit(self)
        for child in children { child.visit(visit) }
    }

    /// Whether the expression mentions `binding`.
    public func mentions(_ binding: BindingID) -> Bool {
        var found = false
        visit { if case .binding(binding) = $0 { found = true } }
        return found
    }
}

extension Stmt {
    /// The expressions this statement evaluates directly (not those of nested statements).
    public var expressions: [Expr] {
        switch self {
        case .require(let condition, _): return [condition]
        case .assign(_, let indices, let value, _): return indices + [value]
        case .send(_, let fields, let from, let to, _): return fields + [from, to]
        case .ifThenElse(let condition, _, _): return [condition]
        case .forEach(_, _, let except, _): return except.map { [$0] } ?? []
        }
    }

    /// Nested statement blocks (branches, loop bodies).
    public var blocks: [[Stmt]] {
        switch self {
        case .ifThenElse(_, let then, let otherwise): return [then, otherwise]
        case .forEach(_, _, _, let body): return [body]
        default: return []
        }
    }
}
