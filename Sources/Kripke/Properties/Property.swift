/// A named safety property ready to add to a spec with `SpecBuilder.check`. The templates below
/// give the classic properties of distributed algorithms in one line.
///
/// ```swift
/// s.check(MutualExclusion(procs) { i in phase[i] == .critical })
/// s.check(Property("bounded clocks", ForAll(procs) { i in clock[i] <= 5 }))
/// ```
public struct Property: Sendable {
    public let name: String
    public let condition: Term<Bool>

    public init(_ name: String, _ condition: Term<Bool>) {
        self.name = name
        self.condition = condition
    }
}

/// At most one process of `role` is in its critical section.
///
/// ```swift
/// s.check(MutualExclusion(procs) { i in phase[i] == .critical })
/// ```
public func MutualExclusion(_ role: Role, inCriticalSection: (Term<ProcessID>) -> Term<Bool>) -> Property {
    Property("mutual exclusion", Count(role, inCriticalSection) <= 1)
}

/// At most one process of `role` considers itself leader.
///
/// ```swift
/// s.check(UniqueLeader(procs) { i in isLeader[i] })
/// ```
public func UniqueLeader(_ role: Role, isLeader: (Term<ProcessID>) -> Term<Bool>) -> Property {
    Property("unique leader", Count(role, isLeader) <= 1)
}

/// Every two processes of `role` that have decided, decided the same value.
///
/// ```swift
/// s.check(Agreement(learners, decided: { l in done[l] }, value: { l in decision[l] }))
/// ```
public func Agreement(_ role: Role, decided: (Term<ProcessID>) -> Term<Bool>,
                      value: (Term<ProcessID>) -> Term<Int>) -> Property {
    let condition = ForAll(role) { i in
        ForAll(role) { j in
            let both = decided(i) && decided(j)
            return both.implies(value(i) == value(j))
        }
    }
    return Property("agreement", condition)
}

extension SpecBuilder {
    /// Adds a property template (or any `Property`) as an invariant of the spec.
    public func check(_ property: Property, file: String = #fileID, line: Int = #line, path: String = #filePath) {
        invariant(property.name, property.condition, file: file, line: line, path: path)
    }

    /// Adds a property template (or any `Property`) as a helper lemma, e.g.
    /// `s.lemma(Property("one token", Count(procs) { i in hasToken[i] } <= 1))`.
    public func lemma(_ property: Property, file: String = #fileID, line: Int = #line, path: String = #filePath) {
        lemma(property.name, property.condition, file: file, line: line, path: path)
    }

    /// Rejects a combination of parameter values that the spec does not support, e.g. `W > N`
    /// (TLA+'s `ASSUME` on constants). A condition on states is a state constraint, `constraint(_:_:)`.
    ///
    /// ```swift
    /// s.assume(w <= n, "the write quorum W=\(w) cannot exceed the number of replicas N=\(n)")
    /// ```
    public func assume(_ holds: Bool, _ message: String, file: String = #fileID, line: Int = #line) {
        if !holds {
            context.report(SpecProblem(message, element: "parameters", location: SourceLocation(file: file, line: line)))
        }
    }

    /// The former name of `assume(_:_:)`, easy to confuse with a state constraint.
    @available(*, deprecated, renamed: "assume(_:_:)")
    public func constraint(_ holds: Bool, _ message: String, file: String = #fileID, line: Int = #line) {
        assume(holds, message, file: file, line: line)
    }
}
