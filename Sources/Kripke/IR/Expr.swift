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
    /// Whether process id `element` is a member of the subset numbered `subset` among the
    /// subsets of `size` processes of `role` (see ``Subsets``); false for an id outside the role.
    /// `subset` is a binding of a quantifier over ``IterationDomain/subsets(_:size:)``.
    case member(Expr, subset: Expr, role: RoleID, size: Int)

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
/// let pairsOfClients = IterationDomain.subsets(RoleID(index: 0), size: 2)
/// ```
public enum IterationDomain: Hashable, Sendable {
    case role(RoleID)
    case range(Int, Int)
    /// Every subset of exactly `size` processes of the role (a quorum quantifier's domain), each
    /// bound as its number `0..<C(N, size)` (see ``Subsets``); only membership tests
    /// (``Expr/member(_:subset:role:size:)``) may read such a binding.
    case subsets(RoleID, size: Int)

    /// The concrete values, given the roles' process-id ranges (empty for an empty role or range).
    public func values(roles: [RoleDecl]) -> Range<Int> {
        switch self {
        case .role(let role):
            let decl = roles[role.index]
            return decl.firstID..<(decl.firstID + max(decl.count, 0))
        case .range(let lower, let upper):
            return lower..<max(lower, upper + 1)
        case .subsets(let role, let size):
            return 0..<Subsets.number(count: roles[role.index].count, size: size)
        }
    }
}
