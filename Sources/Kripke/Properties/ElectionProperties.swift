// Property templates of leader election: one leader per term, and agreement when the run ends.

/// In every term, at most one process of `role` is leader: two leaders of the same term are the
/// same process (Raft's *election safety*). Stale leaders of older terms may coexist.
///
/// ```swift
/// s.check(UniqueLeaderPerTerm(servers, isLeader: { i in state[i] == .leader }, term: { i in term[i] }))
/// ```
public func UniqueLeaderPerTerm(_ role: Role, isLeader: (Term<ProcessID>) -> Term<Bool>,
                                term: (Term<ProcessID>) -> Term<Int>) -> Property {
    let condition = ForAll(role) { i in
        ForAll(role) { j in
            let bothLead = isLeader(i) && isLeader(j)
            let sameTerm = term(i) == term(j)
            return bothLead.and(sameTerm).implies(i == j)
        }
    }
    return Property("one leader per term", condition)
}

/// When the run has ended (`ended`), every live process of `role` agrees on the right leader
/// (`agrees(i)`, e.g. "names the highest live id"). An election that stops early, or ends with
/// processes that disagree, breaks it.
///
/// ```swift
/// s.check(AgreementAtEnd(procs, ended: quiet, live: { i in !crashed[i] }, agrees: { i in leader[i] == top }))
/// ```
public func AgreementAtEnd(_ role: Role, ended: Term<Bool>, live: (Term<ProcessID>) -> Term<Bool> = { _ in true },
                           agrees: (Term<ProcessID>) -> Term<Bool>) -> Property {
    let everyLiveAgrees = ForAll(role) { i in live(i).implies(agrees(i)) }
    return Property("agreement at end", ended.implies(everyLiveAgrees))
}
