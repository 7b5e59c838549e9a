/// A group of processes declared by `SpecBuilder.processes` or `SpecBuilder.process`.
///
/// ```swift
/// let procs = s.processes("p", count: 3)
/// Exists(procs) { j in phase[j] == .critical }
/// procs.next(i)          // ring successor of i
/// ```
public struct Role: Sendable {
    public let id: RoleID
    public let name: String
    public let count: Int
    public let firstID: Int

    /// The role's process-id range as an iteration domain.
    public var domain: IterationDomain { .role(id) }

    /// The id of the `k`-th process of the role (0-based), as a term.
    public func process(_ k: Int) -> Term<ProcessID> { Term(.literal(firstID + k)) }

    /// The only process of a singleton role.
    public var only: Term<ProcessID> { process(0) }

    /// Position of `id` inside the role, `0..<count`.
    public func index(_ id: Term<ProcessID>) -> Term<Int> {
        Term(.binary(.subtract, id.expr, .literal(firstID)))
    }

    /// The successor of `id` on the ring of this role's processes.
    public func next(_ id: Term<ProcessID>) -> Term<ProcessID> {
        let position = Expr.binary(.add, index(id).expr, .literal(1))
        return Term(.binary(.add, .binary(.modulo, position, .literal(count)), .literal(firstID)))
    }

    /// The predecessor of `id` on the ring of this role's processes.
    public func previous(_ id: Term<ProcessID>) -> Term<ProcessID> {
        let position = Expr.binary(.add, index(id).expr, .literal(count - 1))
        return Term(.binary(.add, .binary(.modulo, position, .literal(count)), .literal(firstID)))
    }
}
