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
        case .member(let element, let subset, _, _): return [element, subset]
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
        case .assert(let condition, _, _): return [condition]
        case .ifThenElse(let condition, _, _): return [condition]
        case .forEach(_, _, let except, _): return except.map { [$0] } ?? []
        }
    }

    /// Whether this statement is an `Assert` or holds one in a nested block.
    public var containsAssert: Bool {
        if case .assert = self { return true }
        return blocks.contains { $0.contains(where: \.containsAssert) }
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

extension Expr {
    /// This expression with every read of `binding` replaced by the constant `value`: one
    /// instance of a quantifier's body.
    ///
    /// ```swift
    /// body.substituting(i, with: 2)   // phase[i] == critical  →  phase[2] == critical
    /// ```
    public func substituting(_ binding: BindingID, with value: Int) -> Expr {
        switch self {
        case .binding(binding): return .literal(value)
        case .literal, .binding, .messageField: return self
        case .variable(let variable, let indices):
            return .variable(variable, indices.map { $0.substituting(binding, with: value) })
        case .unary(let op, let operand): return .unary(op, operand.substituting(binding, with: value))
        case .binary(let op, let lhs, let rhs):
            return .binary(op, lhs.substituting(binding, with: value), rhs.substituting(binding, with: value))
        case .ite(let c, let t, let e):
            return .ite(c.substituting(binding, with: value), t.substituting(binding, with: value),
                        e.substituting(binding, with: value))
        case .aggregate(let kind, let bound, let domain, let body):
            return .aggregate(kind, bound, domain, body.substituting(binding, with: value))
        case .inFlight(let kind, let sender, let receiver, let filter):
            return .inFlight(kind, sender: sender, receiver: receiver, filter: filter.substituting(binding, with: value))
        case .member(let element, let subset, let role, let size):
            return .member(element.substituting(binding, with: value), subset: subset.substituting(binding, with: value),
                           role: role, size: size)
        }
    }
}
