// Quantified terms over the processes of a role.

private func aggregate<T>(_ kind: Expr.Aggregate, _ role: Role, except skipped: Term<ProcessID>?,
                          neutral: Expr, _ body: (Term<ProcessID>) -> Term<T>) -> Expr {
    let binding = BuildContext.active.freshBinding()
    var inner = body(Term(.binding(binding))).expr
    if let skipped {
        inner = .ite(.binary(.eq, .binding(binding), skipped.expr), neutral, inner)
    }
    return .aggregate(kind, binding, role.domain, inner)
}

/// `∀ j ∈ role: body(j)`.
///
/// ```swift
/// ForAll(procs, except: i) { j in replied[i, j] }
/// ```
public func ForAll(_ role: Role, except skipped: Term<ProcessID>? = nil,
                   _ body: (Term<ProcessID>) -> Term<Bool>) -> Term<Bool> {
    Term(aggregate(.forall, role, except: skipped, neutral: .bool(true), body))
}

/// `∃ j ∈ role: body(j)`.
///
/// ```swift
/// Exists(procs) { j in phase[j] == .critical }
/// ```
public func Exists(_ role: Role, except skipped: Term<ProcessID>? = nil,
                   _ body: (Term<ProcessID>) -> Term<Bool>) -> Term<Bool> {
    Term(aggregate(.exists, role, except: skipped, neutral: .bool(false), body))
}

/// The number of processes `j` of `role` with `body(j)`.
///
/// ```swift
/// Count(procs) { j in phase[j] == .critical } <= 1
/// ```
public func Count(_ role: Role, except skipped: Term<ProcessID>? = nil,
                  _ body: (Term<ProcessID>) -> Term<Bool>) -> Term<Int> {
    Term(aggregate(.count, role, except: skipped, neutral: .bool(false), body))
}

/// `Σ j ∈ role: body(j)`.
///
/// ```swift
/// Sum(procs) { j in balance[j] }
/// ```
public func Sum(_ role: Role, except skipped: Term<ProcessID>? = nil,
                _ body: (Term<ProcessID>) -> Term<Int>) -> Term<Int> {
    Term(aggregate(.sum, role, except: skipped, neutral: .literal(0), body))
}

/// The number of messages of `kind` in flight whose sender, receiver and fields satisfy `filter`.
///
/// ```swift
/// InFlight(grant) { m in m.receiver == c } == 0
/// ```
public func InFlight(_ kind: MessageKind, where filter: (Delivery) -> Term<Bool> = { _ in true }) -> Term<Int> {
    let context = BuildContext.active
    let sender = context.freshBinding()
    let receiver = context.freshBinding()
    let delivery = Delivery(kind: kind, sender: Term(.binding(sender)), receiver: Term(.binding(receiver)),
                            depth: context.filterDepth + 1)
    let condition = context.insideFilter { filter(delivery).expr }
    return Term(.inFlight(kind.id, sender: sender, receiver: receiver, filter: condition))
}
