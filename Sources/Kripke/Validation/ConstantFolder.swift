/// Evaluates expressions that do not read the state (initial values, send field literals)
/// so the validator can check them against their domains before any engine runs.
///
/// ```swift
/// ConstantFolder.value(of: .binary(.add, .literal(1), .literal(2)), bindings: [:])   // 3
/// ```
enum ConstantFolder {
    static func value(of expr: Expr, bindings: [BindingID: Int]) -> Int? {
        switch expr {
        case .literal(let value): return value
        case .binding(let binding): return bindings[binding]
        case .unary(.not, let operand): return value(of: operand, bindings: bindings).map { $0 == 0 ? 1 : 0 }
        case .unary(.negate, let operand): return value(of: operand, bindings: bindings).map { -$0 }
        case .binary(let op, let lhs, let rhs):
            guard let a = value(of: lhs, bindings: bindings), let b = value(of: rhs, bindings: bindings) else { return nil }
            return op.apply(a, b)
        case .ite(let c, let t, let e):
            guard let condition = value(of: c, bindings: bindings) else { return nil }
            return value(of: condition != 0 ? t : e, bindings: bindings)
        default:
            return nil
        }
    }
}
