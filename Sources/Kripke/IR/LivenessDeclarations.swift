/// A liveness property: on every fair run, whenever `premise` holds, `conclusion` holds then or
/// later (`premise ~> conclusion`, TLA+'s leads-to). `eventually q` is `q` reached from the initial
/// state; `always eventually q` is `true ~> q`. With `instances`, the property is checked once per
/// value of the binding (per process: `ForAll(clients) { i in waiting[i] ~> critical[i] }`).
///
/// ```swift
/// let starvation = LivenessDecl(name: "starvation freedom", kind: .leadsTo, premise: waiting,
///                               conclusion: critical, instances: (i, .role(clients)), location: loc)
/// ```
public struct LivenessDecl: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case leadsTo = "leads-to", eventually, alwaysEventually = "always-eventually"
    }

    public let name: String
    public let kind: Kind
    /// For `eventually`: true (the run starts where it must be reached from).
    public let premise: Expr
    public let conclusion: Expr
    /// The binding the property is quantified over, if any, and its values.
    public let binding: BindingID?
    public let domain: IterationDomain?
    public let location: SourceLocation

    public init(name: String, kind: Kind, premise: Expr, conclusion: Expr,
                instances: (BindingID, IterationDomain)? = nil, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.premise = premise
        self.conclusion = conclusion
        binding = instances?.0
        domain = instances?.1
        self.location = location
    }
}

/// A fairness assumption: which runs count for liveness. A *unit* is a set of steps; weak
/// fairness of a unit excludes runs in which it is enabled forever from some point on but never
/// taken; strong fairness excludes runs in which it is enabled infinitely often but taken only
/// finitely often. Steps no assumption names (crashes, message loss, unlisted actions) may be
/// postponed forever.
///
/// ```swift
/// FairnessDecl(kind: .weak, scope: .eachInstance(action: 2))   // WF for every process's `enter`
/// FairnessDecl(kind: .strong, scope: .eachProcess(role: clients)) // each client, all its steps
/// ```
public struct FairnessDecl: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case weak, strong }

    public enum Scope: Hashable, Sendable {
        /// One unit per instance of the action: acting process and choice, or, for a handler,
        /// receiving process and sender.
        case eachInstance(action: Int)
        /// One unit: every instance of the action together.
        case wholeAction(action: Int)
        /// One unit per process of the role: all of its steps (actions and handlers) together.
        case eachProcess(role: RoleID)
    }

    public let kind: Kind
    public let scope: Scope
    public let location: SourceLocation

    public init(kind: Kind, scope: Scope, location: SourceLocation) {
        self.kind = kind
        self.scope = scope
        self.location = location
    }
}
