// `~>` is the standard library's operator (DefaultPrecedence): declaring it again here would
// make every use outside this module ambiguous. Parenthesize comparisons on either side.

/// `premise ~> conclusion`: whenever `premise` holds, `conclusion` holds then or later (TLA+'s
/// leads-to), possibly once per process (`ForAll(role) { i in … ~> … }`).
///
/// ```swift
/// s.check(Liveness("starvation freedom", ForAll(procs) { i in (phase[i] == .waiting) ~> (phase[i] == .critical) }))
/// ```
public struct LeadsTo: Sendable {
    let premise: Term<Bool>
    let conclusion: Term<Bool>
    let instances: (BindingID, IterationDomain)?
}

/// `premise ~> conclusion` (leads-to); comparisons on either side need parentheses.
///
/// ```swift
/// (phase[i] == .waiting) ~> (phase[i] == .critical)
/// ```
public func ~> (premise: Term<Bool>, conclusion: Term<Bool>) -> LeadsTo {
    premise.leadsTo(conclusion)
}

extension Term where T == Bool {
    /// The method twin of `~>`: `self` leads to `conclusion`.
    ///
    /// ```swift
    /// waiting[i].leadsTo(critical[i])
    /// ```
    public func leadsTo(_ conclusion: Term<Bool>) -> LeadsTo {
        LeadsTo(premise: self, conclusion: conclusion, instances: nil)
    }
}

/// One leads-to per process of `role`: checked, and reported, for each.
///
/// ```swift
/// ForAll(clients) { i in requested[i] ~> granted[i] }
/// ```
public func ForAll(_ role: Role, _ body: (Term<ProcessID>) -> LeadsTo) -> LeadsTo {
    let binding = BuildContext.active.freshBinding()
    let inner = body(Term(.binding(binding)))
    return LeadsTo(premise: inner.premise, conclusion: inner.conclusion, instances: (binding, role.domain))
}

/// A named liveness property, added to a spec with `SpecBuilder.check`: leads-to, `Eventually`
/// (from the initial state) or `AlwaysEventually` (infinitely often). Checked on fair runs only:
/// declare which steps are fair with `SpecBuilder.fair`.
///
/// ```swift
/// s.check(Liveness("starvation freedom", ForAll(procs) { i in waiting[i] ~> critical[i] }))
/// s.check(Eventually("a leader is elected", Exists(procs) { i in leader[i] }))
/// ```
public struct Liveness: Sendable {
    let name: String
    let kind: LivenessDecl.Kind
    let property: LeadsTo

    public init(_ name: String, _ property: LeadsTo) {
        self.name = name
        kind = .leadsTo
        self.property = property
    }

    init(name: String, kind: LivenessDecl.Kind, property: LeadsTo) {
        self.name = name
        self.kind = kind
        self.property = property
    }
}

/// `condition` holds at some point of every fair run (`<>condition` from the initial state).
public func Eventually(_ name: String, _ condition: Term<Bool>) -> Liveness {
    Liveness(name: name, kind: .eventually, property: LeadsTo(premise: Term(.literal(1)), conclusion: condition, instances: nil))
}

/// `condition` holds infinitely often on every fair run (`[]<>condition`).
public func AlwaysEventually(_ name: String, _ condition: Term<Bool>) -> Liveness {
    Liveness(name: name, kind: .alwaysEventually,
             property: LeadsTo(premise: Term(.literal(1)), conclusion: condition, instances: nil))
}

/// Every process of `role` that wants the critical section eventually gets it.
///
/// ```swift
/// s.check(StarvationFreedom(procs, waiting: { i in phase[i] == .waiting }, critical: { i in phase[i] == .critical }))
/// ```
public func StarvationFreedom(_ role: Role, waiting: (Term<ProcessID>) -> Term<Bool>,
                              critical: (Term<ProcessID>) -> Term<Bool>) -> Liveness {
    Liveness("starvation freedom", ForAll(role) { i in waiting(i) ~> critical(i) })
}

/// Fairness of a spec's steps, for `SpecBuilder.fair`.
///
/// ```swift
/// s.fair(.weak, action: "pass token")   // each process's instance is weakly fair
/// ```
public typealias Fairness = FairnessDecl.Kind

extension SpecBuilder {
    /// Adds a liveness property.
    public func check(_ property: Liveness, file: String = #fileID, line: Int = #line, path: String = #filePath) {
        let location = SourceLocation(file: file, line: line, path: path)
        liveness.append(LivenessDecl(name: property.name, kind: property.kind, premise: property.property.premise.expr,
                                     conclusion: property.property.conclusion.expr,
                                     instances: property.property.instances, location: location))
    }

    /// Declares the action (or handler, `"receive <kind>"`) named `action` fair: each of its
    /// instances (each process, each choice; each receiver and sender) weakly or strongly fair,
    /// or, with `eachInstance: false`, all of them as one.
    public func fair(_ kind: Fairness, action name: String, eachInstance: Bool = true,
                     file: String = #fileID, line: Int = #line, path: String = #filePath) {
        let location = SourceLocation(file: file, line: line, path: path)
        guard let index = actions.firstIndex(where: { $0.name == name }) else {
            let known = actions.map { "'\($0.name)'" }.joined(separator: ", ")
            context.report(SpecProblem("no action named '\(name)' (declare it before its fairness); actions: \(known)",
                                       element: "fairness", location: location))
            return
        }
        fairness.append(FairnessDecl(kind: kind, scope: eachInstance ? .eachInstance(action: index) : .wholeAction(action: index),
                                     location: location))
    }

    /// Declares each instance of every action and handler of `role` fair (crashes excepted):
    /// TLA+'s `WF_vars(A(i))` for every action `A` and process `i` of the role. Stronger than
    /// `processes:`, which a process can satisfy with any step, such as re-reading a duplicated
    /// message for ever.
    public func fair(_ kind: Fairness, everyActionOf role: Role, file: String = #fileID, line: Int = #line,
                     path: String = #filePath) {
        let location = SourceLocation(file: file, line: line, path: path)
        for (index, action) in actions.enumerated() where action.role == role.id && action.name != "crash" {
            fairness.append(FairnessDecl(kind: kind, scope: .eachInstance(action: index), location: location))
        }
    }

    /// Declares every process of `role` fair: whenever one of its steps stays enabled (weak) or
    /// is enabled again and again (strong), the process takes some step. Its crash step, if it
    /// may crash, does not count: crashes are never fair.
    public func fair(_ kind: Fairness, processes role: Role, file: String = #fileID, line: Int = #line,
                     path: String = #filePath) {
        fairness.append(FairnessDecl(kind: kind, scope: .eachProcess(role: role.id),
                                     location: SourceLocation(file: file, line: line, path: path)))
    }
}
