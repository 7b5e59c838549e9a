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
            return fold(op, a, b)
        case .ite(let c, let t, let e):
            guard let condition = value(of: c, bindings: bindings) else { return nil }
            return value(of: condition != 0 ? t : e, bindings: bindings)
        default:
            return nil
        }
    }

    private static func fold(_ op: Expr.BinaryOperator, _ a: Int, _ b: Int) -> Int? {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return b == 0 ? nil : a / b
        case .modulo: return b == 0 ? nil : ((a % b) + b) % b
        case .min: return Swift.min(a, b)
        case .max: return Swift.max(a, b)
        case .eq: return a == b ? 1 : 0
        case .ne: return a != b ? 1 : 0
        case .lt: return a < b ? 1 : 0
        case .le: return a <= b ? 1 : 0
        case .gt: return a > b ? 1 : 0
        case .ge: return a >= b ? 1 : 0
        case .and: return (a != 0 && b != 0) ? 1 : 0
        case .or: return (a != 0 || b != 0) ? 1 : 0
        case .implies: return (a == 0 || b != 0) ? 1 : 0
        }
    }
}
