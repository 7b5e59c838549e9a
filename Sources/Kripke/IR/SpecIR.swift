/// A spec instantiated with concrete parameter values: the one IR every engine reads.
///
/// Built by `SpecBuilder` from a `SpecDefinition`; checked by `Validator` before any engine runs.
///
/// ```swift
/// let ir = try RicartAgrawala.correct.instantiate(["N": 3])
/// print(ir.roles.map(\.name), ir.variables.count)
/// ```
public struct SpecIR: Sendable {
    public var name: String
    public var parameters: [String: Int]
    public var roles: [RoleDecl]
    public var variables: [VariableDecl]
    public var messages: [MessageDecl]
    public var network: NetworkDecl
    public var actions: [ActionDecl]
    public var invariants: [InvariantDecl]
    /// Predicates every initial state satisfies (TLA+'s `Init` conjuncts beyond `x \in S`): they
    /// filter the combinations that `InitialValue.anyOf` variables allow.
    public var initialConditions: [Expr] = []
    /// Sequence variables: pairs of item and length variables that traces show as one sequence.
    public var sequences: [SequenceDecl] = []
    /// States outside these are checked but not expanded (TLC's `CONSTRAINT`).
    public var stateConstraints: [StateConstraintDecl] = []
    /// Properties of infinite runs, checked under `fairness`.
    public var liveness: [LivenessDecl] = []
    public var fairness: [FairnessDecl] = []
    /// States where having no enabled step is a normal end, not a deadlock; `nil` = every stop is a deadlock.
    public var validEndState: Expr?
    /// Number of binding slots used by all expressions (bindings are numbered 0..<bindingCount).
    public var bindingCount: Int
    /// Where the spec is defined (its `SpecDefinition`), when it was built from one.
    public var location: SourceLocation?

    public init(name: String, parameters: [String: Int], roles: [RoleDecl], variables: [VariableDecl],
                messages: [MessageDecl], network: NetworkDecl, actions: [ActionDecl],
                invariants: [InvariantDecl], validEndState: Expr?, bindingCount: Int) {
        self.name = name
        self.parameters = parameters
        self.roles = roles
        self.variables = variables
        self.messages = messages
        self.network = network
        self.actions = actions
        self.invariants = invariants
        self.validEndState = validEndState
        self.bindingCount = bindingCount
    }

    /// Total number of processes over all roles.
    public var processCount: Int { roles.reduce(0) { $0 + $1.count } }

    /// The role a global process id belongs to.
    public func role(ofProcess id: Int) -> RoleDecl? { roles.first { $0.contains(id) } }

    /// Display name of a global process id, e.g. `p2` or `coordinator`.
    public func processName(_ id: Int) -> String {
        role(ofProcess: id)?.processName(id) ?? "process(\(id))"
    }

    /// The spec without its helper lemmas: the invariants alone.
    ///
    /// ```swift
    /// let checked = skipLemmas ? ir.withoutLemmas : ir
    /// ```
    public var withoutLemmas: SpecIR {
        var copy = self
        copy.invariants.removeAll(where: \.isLemma)
        return copy
    }

    /// The same spec checking only the named invariants (or lemmas): TLC's `INVARIANT` list.
    /// An empty list keeps none, so only deadlocks are checked; names the spec lacks are ignored.
    ///
    /// ```swift
    /// let focused = ir.keepingInvariants(named: ["mutual exclusion"])
    /// ```
    public func keepingInvariants(named names: [String]) -> SpecIR {
        var copy = self
        copy.invariants.removeAll { !names.contains($0.name) }
        return copy
    }
}
