// Selecting one process of a role by a condition, as a term.

/// The lowest-numbered process `j` of `role` with `condition(j)`, or `.none` when there is none.
/// Use it to assign "the process that …" in one write, e.g. the head of a queue kept as
/// per-process positions (a loop that assigns the same variable in every iteration is rejected).
///
/// ```swift
/// holder <- First(clients) { j in queued[j] == 1 }
/// ```
public func First(_ role: Role, where condition: (Term<ProcessID>) -> Term<Bool>) -> Term<ProcessID> {
    let context = BuildContext.active
    let candidate = context.freshBinding()
    let earlier = context.freshBinding()
    let j = Term<ProcessID>(.binding(candidate))
    let k = Term<ProcessID>(.binding(earlier))
    let matches = condition(j)
    let before = k.isLess(than: j).and(condition(k))
    let earlierMatch = Expr.aggregate(.exists, earlier, role.domain, before.expr)
    let isFirst = Expr.binary(.and, matches.expr, .unary(.not, earlierMatch))
    // Σ over j of (j − none) for the first match, plus none: the first match's id, or none.
    let offset = Expr.binary(.subtract, .binding(candidate), .literal(ProcessID.noneValue))
    let sum = Expr.aggregate(.sum, candidate, role.domain, .ite(isFirst, offset, .literal(0)))
    return Term(.binary(.add, sum, .literal(ProcessID.noneValue)))
}

extension Role {
    /// The process at position `index` (0-based) of the role, for an index computed in a term,
    /// e.g. an action's chosen value.
    ///
    /// ```swift
    /// s.action("deliver", for: procs, choosing: 0...2) { i, k in
    ///     Require(queue[i, procs.process(at: k)] > 0)
    /// }
    /// ```
    public func process(at index: Term<Int>) -> Term<ProcessID> {
        Term(.binary(.add, index.expr, .literal(firstID)))
    }
}
