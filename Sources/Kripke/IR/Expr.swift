/// An expression of the IR: the single meaning every engine gives to a spec's conditions and values.
///
/// Every expression evaluates to an `Int` (booleans are 0 and 1). The DSL builds these trees
/// through typed `Term`s; engines compile or translate them.
///
/// ```swift
/// // phase[i] == critical, where phase is variable 0 and i is binding 0
/// let e = Expr.binary(.eq, .variable(VariableID(index: 0), [.binding(BindingID(index: 0))]), .literal(2))
/// ```
public indirect enum Expr: Hashable, Sendable {
    case literal(Int)
    /// A state variable read at the given indices (one index expression per dimension).
    case variable(VariableID, [Expr])
    /// The current value of a binding (action parameter, loop or quantifier variable).
    case binding(BindingID)
    /// Payload field `field` of the message being handled.
    case messageField(Int)
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case ite(Expr, Expr, Expr)
    /// `forall` / `exists` / `count` / `sum` of `body` with `binding` ranging over `domain`.
    case aggregate(Aggregate, BindingID, IterationDomain, Expr)
    /// Number of messages in flight of the given kind whose fields satisfy `filter`
    /// (`filter` may read `messageField`, and bindings `sender`/`receiver`).
    case inFlight(MessageKindID, sender: BindingID, receiver: BindingID, filter: Expr)

    public enum UnaryOperator: String, Hashable, Sendable { case not, negate }

    public enum BinaryOperator: String, Hashable, Sendable {
        case add, subtract, multiply, divide, modulo, min, max
        case eq, ne, lt, le, gt, ge
        case and, or, implies
    }

    public enum Aggregate: String, Hashable, Sendable { case forall, exists, count, sum }

    /// Boolean literal helper.
    public static func bool(_ value: Bool) -> Expr { .literal(value ? 1 : 0) }
}

/// The values a loop, quantifier or action parameter ranges over.
///
/// ```swift
/// let everyClient = IterationDomain.role(RoleID(index: 0))
/// let ballots = IterationDomain.range(1, 3)
/// ```
public enum IterationDomain: Hashable, Sendable {
    case role(RoleID)
    case range(Int, Int)

    /// The concrete values, given the roles' process-id ranges (empty for an empty role or range).
    public func values(roles: [RoleDecl]) -> Range<Int> {
        switch self {
        case .role(let role):
            let decl = roles[role.index]
            return decl.firstID..<(decl.firstID + max(decl.count, 0))
        case .range(let lower, let upper):
            return lower..<max(lower, upper + 1)
        }
    }
}
