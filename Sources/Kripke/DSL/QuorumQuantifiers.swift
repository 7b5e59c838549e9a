// Quantified terms over the subsets (quorums) of a role, and over the members of one quorum.

/// Every subset of exactly `size` processes of a role — TLA+'s
/// `{Q \in SUBSET S : Cardinality(Q) = size}` — for `ForAll`, `Exists` and `Count`.
/// A permutation of the role's processes maps these subsets onto themselves, so quantifying over
/// them keeps a `symmetric: true` role symmetric.
///
/// ```swift
/// Exists(quorums(of: acceptors, size: 2)) { q in ForAll(q) { a in promised[a] >= b } }
/// ```
public struct Quorums: Sendable {
    public let role: Role
    public let size: Int

    /// The iteration domain of a quantifier over these subsets.
    public var domain: IterationDomain { .subsets(role.id, size: size) }
}

/// One subset of a role, bound by a quantifier over ``Quorums``: its members can be quantified
/// (`ForAll(q)`, `Exists(q)`, `Count(q)`, `Sum(q)`) and tested (`q.contains(a)`), and nothing
/// else — a quorum is never stored or sent.
///
/// ```swift
/// ForAll(majorities(of: acceptors)) { q in Count(q) { a in voted[a] } >= 1 }
/// ```
public struct Quorum: Sendable {
    public let role: Role
    public let size: Int
    let binding: BindingID

    /// Whether `process` is a member of this quorum (false for a process of another role).
    ///
    /// ```swift
    /// Exists(quorums(of: acceptors, size: 2)) { q in q.contains(leader[p]) }
    /// ```
    public func contains(_ process: Term<ProcessID>) -> Term<Bool> {
        Term(.member(process.expr, subset: .binding(binding), role: role.id, size: size))
    }
}

/// Every subset of exactly `size` processes of `role`.
///
/// ```swift
/// ForAll(quorums(of: acceptors, size: 2)) { q in Exists(q) { a in accepted[a] } }
/// ```
public func quorums(of role: Role, size: Int) -> Quorums {
    Quorums(role: role, size: size)
}

/// Every subset of a strict majority of `role`'s processes: `N / 2 + 1` of `N`.
///
/// ```swift
/// Exists(majorities(of: acceptors)) { q in ForAll(q) { a in promised[a] >= b } }
/// ```
public func majorities(of role: Role) -> Quorums {
    Quorums(role: role, size: role.count / 2 + 1)
}

private func aggregate<T>(_ kind: Expr.Aggregate, _ quorums: Quorums, _ body: (Quorum) -> Term<T>) -> Expr {
    let binding = BuildContext.active.freshBinding()
    let quorum = Quorum(role: quorums.role, size: quorums.size, binding: binding)
    return .aggregate(kind, binding, quorums.domain, body(quorum).expr)
}

/// `∀ q ∈ quorums: body(q)`.
///
/// ```swift
/// ForAll(quorums(of: acceptors, size: 2)) { q in Exists(q) { a in voted[a] } }
/// ```
public func ForAll(_ quorums: Quorums, _ body: (Quorum) -> Term<Bool>) -> Term<Bool> {
    Term(aggregate(.forall, quorums, body))
}

/// `∃ q ∈ quorums: body(q)`.
///
/// ```swift
/// Exists(majorities(of: acceptors)) { q in ForAll(q) { a in promised[a] >= b } }
/// ```
public func Exists(_ quorums: Quorums, _ body: (Quorum) -> Term<Bool>) -> Term<Bool> {
    Term(aggregate(.exists, quorums, body))
}

/// The number of quorums `q` with `body(q)`.
///
/// ```swift
/// Count(quorums(of: acceptors, size: 2)) { q in ForAll(q) { a in voted[a] } } >= 1
/// ```
public func Count(_ quorums: Quorums, _ body: (Quorum) -> Term<Bool>) -> Term<Int> {
    Term(aggregate(.count, quorums, body))
}

/// A quantifier over the members of `quorum`, as one over its role with a membership test.
private func members<T>(_ kind: Expr.Aggregate, _ quorum: Quorum, _ body: (Term<ProcessID>) -> Term<T>) -> Expr {
    let binding = BuildContext.active.freshBinding()
    let member = Expr.member(.binding(binding), subset: .binding(quorum.binding), role: quorum.role.id, size: quorum.size)
    let inner = body(Term(.binding(binding))).expr
    let guarded: Expr
    switch kind {
    case .forall: guarded = .binary(.implies, member, inner)
    case .exists, .count: guarded = .binary(.and, member, inner)
    case .sum: guarded = .ite(member, inner, .literal(0))
    }
    return .aggregate(kind, binding, quorum.role.domain, guarded)
}

/// `∀ a ∈ quorum: body(a)`.
///
/// ```swift
/// ForAll(q) { a in promised[a] >= b }
/// ```
public func ForAll(_ quorum: Quorum, _ body: (Term<ProcessID>) -> Term<Bool>) -> Term<Bool> {
    Term(members(.forall, quorum, body))
}

/// `∃ a ∈ quorum: body(a)`.
///
/// ```swift
/// Exists(q) { a in accepted[a] == v }
/// ```
public func Exists(_ quorum: Quorum, _ body: (Term<ProcessID>) -> Term<Bool>) -> Term<Bool> {
    Term(members(.exists, quorum, body))
}

/// The number of members `a` of `quorum` with `body(a)`.
///
/// ```swift
/// Count(q) { a in voted[a] } >= 1
/// ```
public func Count(_ quorum: Quorum, _ body: (Term<ProcessID>) -> Term<Bool>) -> Term<Int> {
    Term(members(.count, quorum, body))
}

/// `Σ a ∈ quorum: body(a)`.
///
/// ```swift
/// Sum(q) { a in votes[a] } >= 2
/// ```
public func Sum(_ quorum: Quorum, _ body: (Term<ProcessID>) -> Term<Int>) -> Term<Int> {
    Term(members(.sum, quorum, body))
}
