/// Collects the declarations of one spec instance. A `SpecDefinition`'s body receives one,
/// already holding the parameter values chosen for this run.
///
/// ```swift
/// let body: @Sendable (SpecBuilder) -> Void = { s in
///     let procs = s.processes("p", count: s.parameter("N"))
///     let phase = s.variable("phase", per: procs, in: .cases(Phase.self), initial: .idle)
///     s.network(.fifo(capacity: 2))
///     s.action("try", for: procs) { i in
///         Require(phase[i] == .idle)
///         phase[i] <- .waiting
///     }
///     s.invariant("mutual exclusion", Count(procs) { i in phase[i] == .critical } <= 1)
/// }
/// ```
public final class SpecBuilder {
    let context: BuildContext
    let parameterValues: [String: Int]
    private(set) var roles: [RoleDecl] = []
    private(set) var variables: [VariableDecl] = []
    private(set) var messages: [MessageDecl] = []
    private(set) var network: Network?
    private(set) var actions: [ActionDecl] = []
    private(set) var invariants: [InvariantDecl] = []
    var liveness: [LivenessDecl] = []
    var fairness: [FairnessDecl] = []
    private(set) var validEndState: Expr?
    private(set) var initialConditions: [Expr] = []
    private(set) var stateConstraints: [StateConstraintDecl] = []
    var sequences: [SequenceDecl] = []
    private var environmentRole: Role?

    init(parameters: [String: Int], context: BuildContext) {
        self.parameterValues = parameters
        self.context = context
    }

    private var nextProcessID: Int { roles.reduce(0) { $0 + $1.count } }

    // MARK: Parameters and processes

    /// The value of a declared parameter for this run.
    public func parameter(_ name: String, file: String = #fileID, line: Int = #line) -> Int {
        guard let value = parameterValues[name] else {
            context.report(SpecProblem("parameter '\(name)' is not declared", element: "parameter \(name)",
                                       location: SourceLocation(file: file, line: line)))
            return 1
        }
        return value
    }

    /// A group of `count` processes; `symmetric` marks them interchangeable (a scalarset).
    public func processes(_ name: String, count: Int, symmetric: Bool = false) -> Role {
        declareRole(RoleDecl(name: name, count: count, firstID: nextProcessID, symmetric: symmetric))
    }

    private func declareRole(_ role: RoleDecl) -> Role {
        roles.append(role)
        return Role(id: RoleID(index: roles.count - 1), name: role.name, count: role.count, firstID: role.firstID)
    }

    /// A set of `count` interchangeable values — Murphi's scalarset, TLA+'s model values under
    /// `SYMMETRY` — such as the values a consensus protocol decides on. Its members take no steps;
    /// variables and message fields hold them (`.scalar(values)`), and the spec may only compare
    /// them for equality, so symmetry reduction keeps one state per permutation of them.
    ///
    /// ```swift
    /// let values = s.scalarset("v", count: 3)
    /// let decision = s.global("decision", in: .scalarOrNone(values), initial: .none)
    /// ```
    public func scalarset(_ name: String, count: Int) -> Role {
        declareRole(RoleDecl(name: name, count: count, firstID: nextProcessID, symmetric: true, isValueSet: true))
    }

    /// A single process, such as a coordinator.
    public func process(_ name: String) -> Role { processes(name, count: 1) }

    // MARK: State variables

    /// A global variable; the returned term can be read and assigned.
    public func global<T>(_ name: String, in domain: Domain<T>, initial: Term<T>, ghost: Bool = false,
                          file: String = #fileID, line: Int = #line) -> Term<T> {
        let id = declare(name, indices: [], domain: domain.ir, initial: .value(initial.expr), bindings: [], ghost: ghost,
                         location: SourceLocation(file: file, line: line))
        return Term(.variable(id, []))
    }

    /// A global variable that starts at any value of `choices` (TLA+'s `x \in S`): each is an initial state.
    ///
    /// ```swift
    /// let tpos = s.global("tpos", in: .process(nodes), initially: .process(nodes))
    /// ```
    public func global<T>(_ name: String, in domain: Domain<T>, initially choices: Domain<T>, ghost: Bool = false,
                          file: String = #fileID, line: Int = #line) -> Term<T> {
        let id = declare(name, indices: [], domain: domain.ir, initial: .anyOf(choices.ir), bindings: [], ghost: ghost,
                         location: SourceLocation(file: file, line: line))
        return Term(.variable(id, []))
    }

    /// A global enum variable.
    public func global<T: Enumeration>(_ name: String, in domain: Domain<T>, initial: T, ghost: Bool = false,
                                       file: String = #fileID, line: Int = #line) -> Term<T> {
        global(name, in: domain, initial: .value(initial), ghost: ghost, file: file, line: line)
    }

    /// One variable per process of `role`, all with the same initial value.
    public func variable<T>(_ name: String, per role: Role, in domain: Domain<T>, initial: Term<T>,
                            ghost: Bool = false, file: String = #fileID, line: Int = #line) -> StateArray<T> {
        variable(name, per: role, in: domain, ghost: ghost, file: file, line: line) { _ in initial }
    }

    /// One enum variable per process of `role`.
    public func variable<T: Enumeration>(_ name: String, per role: Role, in domain: Domain<T>, initial: T,
                                         ghost: Bool = false, file: String = #fileID, line: Int = #line) -> StateArray<T> {
        variable(name, per: role, in: domain, initial: .value(initial), ghost: ghost, file: file, line: line)
    }

    /// One variable per process of `role`, with an initial value that may depend on the process id.
    public func variable<T>(_ name: String, per role: Role, in domain: Domain<T>, ghost: Bool = false,
                            file: String = #fileID, line: Int = #line,
                            initial: (Term<ProcessID>) -> Term<T>) -> StateArray<T> {
        let binding = context.freshBinding()
        let start = initial(Term(.binding(binding))).expr
        let id = declare(name, indices: [role.domain], domain: domain.ir, initial: .value(start), bindings: [binding],
                         ghost: ghost, location: SourceLocation(file: file, line: line))
        return StateArray(id: id, name: name)
    }

    /// One variable per process of `role`, each starting at any value of `choices`, independently
    /// (TLA+'s `x \in [Procs -> S]`): `|S|^N` initial states, before `initially(_:)` conditions.
    ///
    /// ```swift
    /// let active = s.variable("active", per: nodes, in: .bool, initially: .bool)
    /// ```
    public func variable<T>(_ name: String, per role: Role, in domain: Domain<T>, initially choices: Domain<T>,
                            ghost: Bool = false, file: String = #fileID, line: Int = #line) -> StateArray<T> {
        let binding = context.freshBinding()
        let id = declare(name, indices: [role.domain], domain: domain.ir, initial: .anyOf(choices.ir), bindings: [binding],
                         ghost: ghost, location: SourceLocation(file: file, line: line))
        return StateArray(id: id, name: name)
    }

    /// One variable per pair of processes `(i, j)` of `first` × `second`.
    public func variable<T>(_ name: String, per first: Role, _ second: Role, in domain: Domain<T>,
                            initial: Term<T>, ghost: Bool = false,
                            file: String = #fileID, line: Int = #line) -> StateArray<T> {
        let bindings = [context.freshBinding(), context.freshBinding()]
        let id = declare(name, indices: [first.domain, second.domain], domain: domain.ir, initial: .value(initial.expr),
                         bindings: bindings, ghost: ghost, location: SourceLocation(file: file, line: line))
        return StateArray(id: id, name: name)
    }

    /// One variable per process of `role` and per integer in `range` (e.g. per ballot).
    public func variable<T>(_ name: String, per role: Role, _ range: ClosedRange<Int>, in domain: Domain<T>,
                            initial: Term<T>, ghost: Bool = false,
                            file: String = #fileID, line: Int = #line) -> StateArray<T> {
        let bindings = [context.freshBinding(), context.freshBinding()]
        let indices: [IterationDomain] = [role.domain, .range(range.lowerBound, range.upperBound)]
        let id = declare(name, indices: indices, domain: domain.ir, initial: .value(initial.expr), bindings: bindings,
                         ghost: ghost, location: SourceLocation(file: file, line: line))
        return StateArray(id: id, name: name)
    }

    func declare(_ name: String, indices: [IterationDomain], domain: ValueDomain, initial: InitialValue,
                         bindings: [BindingID], ghost: Bool, location: SourceLocation) -> VariableID {
        variables.append(VariableDecl(name: name, indices: indices, domain: domain, initial: initial,
                                      indexBindings: bindings, isGhost: ghost, location: location))
        return VariableID(index: variables.count - 1)
    }

    // MARK: Messages and network

    /// Declare a message kind with its payload fields.
    public func message(_ name: String, _ fields: any AnyField..., file: String = #fileID, line: Int = #line) -> MessageKind {
        messages.append(MessageDecl(name: name, fields: fields.map(\.fieldDecl),
                                    location: SourceLocation(file: file, line: line)))
        return MessageKind(id: MessageKindID(index: messages.count - 1), name: name, fields: fields.map(\.fieldDecl))
    }

    /// Declare how the network delivers messages.
    public func network(_ network: Network) { self.network = network }

    // MARK: Actions

    /// A local step of every process of `role`.
    public func action(_ name: String, for role: Role, file: String = #fileID, line: Int = #line,
                       path: String = #filePath, @StepBuilder _ body: (Term<ProcessID>) -> [Stmt]) {
        let process = context.freshBinding()
        actions.append(ActionDecl(name: name, role: role.id, process: process, parameters: [], trigger: .local,
                                  body: body(Term(.binding(process))),
                                  location: SourceLocation(file: file, line: line, path: path)))
    }

    /// A step of the environment rather than of a process — a TLA+ action no process owns (a
    /// clock tick, a request arriving from outside). It belongs to a one-process role `env`,
    /// declared on first use, so traces show `env: tick`.
    ///
    /// ```swift
    /// s.action("tick") {
    ///     Require(clock < 3)
    ///     clock <- clock + 1
    /// }
    /// ```
    public func action(_ name: String, file: String = #fileID, line: Int = #line, path: String = #filePath,
                       @StepBuilder _ body: () -> [Stmt]) {
        action(name, for: environment, file: file, line: line, path: path) { _ in body() }
    }

    /// A step of the environment that chooses a value from `choices`: one instance per value.
    ///
    /// ```swift
    /// s.action("arrive", choosing: 0...2) { v in queue.append(v) }
    /// ```
    public func action(_ name: String, choosing choices: ClosedRange<Int>, file: String = #fileID, line: Int = #line,
                       path: String = #filePath, @StepBuilder _ body: (Term<Int>) -> [Stmt]) {
        action(name, for: environment, choosing: choices, file: file, line: line, path: path) { _, value in body(value) }
    }

    /// The one-process role `env` that environment steps belong to, declared on first use.
    private var environment: Role {
        if let environmentRole { return environmentRole }
        let role = process("env")
        environmentRole = role
        return role
    }

    /// A local step of every process of `role` that also chooses a value from `choices`: one
    /// instance per process and value.
    ///
    /// ```swift
    /// s.action("propose", for: procs, choosing: 0...2) { i, v in
    ///     Require(proposal[i] == none)
    ///     proposal[i] <- v
    /// }
    /// ```
    public func action(_ name: String, for role: Role, choosing choices: ClosedRange<Int>,
                       file: String = #fileID, line: Int = #line, path: String = #filePath,
                       @StepBuilder _ body: (Term<ProcessID>, Term<Int>) -> [Stmt]) {
        let process = context.freshBinding()
        let choice = context.freshBinding()
        let statements = body(Term(.binding(process)), Term(.binding(choice)))
        addLocal(name, role: role, process: process, choosing: [(choice, choices)], body: statements,
                 location: SourceLocation(file: file, line: line, path: path))
    }

    /// A local step of every process of `role` that chooses one value from each of two ranges:
    /// one instance per process and pair of values (as TLA+'s `\E b \in Ballots, v \in Values`).
    /// Traces show both values, `p0: phase2a (choosing 1, 0)`.
    ///
    /// ```swift
    /// s.action("phase2a", for: leaders, choosing: 0...2, 0...1) { p, b, v in
    ///     Require(started[p, b])
    ///     Broadcast(accept.with(ballot, b).with(value, v), from: p, to: acceptors)
    /// }
    /// ```
    public func action(_ name: String, for role: Role, choosing first: ClosedRange<Int>, _ second: ClosedRange<Int>,
                       file: String = #fileID, line: Int = #line, path: String = #filePath,
                       @StepBuilder _ body: (Term<ProcessID>, Term<Int>, Term<Int>) -> [Stmt]) {
        let process = context.freshBinding()
        let a = context.freshBinding()
        let b = context.freshBinding()
        let statements = body(Term(.binding(process)), Term(.binding(a)), Term(.binding(b)))
        addLocal(name, role: role, process: process, choosing: [(a, first), (b, second)], body: statements,
                 location: SourceLocation(file: file, line: line, path: path))
    }

    /// A local step of every process of `role` that chooses one value from each of three ranges:
    /// one instance per process and triple of values.
    ///
    /// ```swift
    /// s.action("write", for: clients, choosing: 0...1, 0...2, 0...1) { c, k, v, r in
    ///     Require(pending[c] == 0)
    ///     Send(put.with(key, k).with(value, v), from: c, to: replicas.process(at: r))
    /// }
    /// ```
    public func action(_ name: String, for role: Role, choosing first: ClosedRange<Int>, _ second: ClosedRange<Int>,
                       _ third: ClosedRange<Int>, file: String = #fileID, line: Int = #line, path: String = #filePath,
                       @StepBuilder _ body: (Term<ProcessID>, Term<Int>, Term<Int>, Term<Int>) -> [Stmt]) {
        let process = context.freshBinding()
        let a = context.freshBinding()
        let b = context.freshBinding()
        let c = context.freshBinding()
        let statements = body(Term(.binding(process)), Term(.binding(a)), Term(.binding(b)), Term(.binding(c)))
        addLocal(name, role: role, process: process, choosing: [(a, first), (b, second), (c, third)],
                 body: statements, location: SourceLocation(file: file, line: line, path: path))
    }

    private func addLocal(_ name: String, role: Role, process: BindingID, choosing: [(BindingID, ClosedRange<Int>)],
                          body: [Stmt], location: SourceLocation) {
        let parameters = choosing.map { ($0.0, IterationDomain.range($0.1.lowerBound, $0.1.upperBound)) }
        actions.append(ActionDecl(name: name, role: role.id, process: process, parameters: parameters,
                                  trigger: .local, body: body, location: location))
    }

    /// The handler run when a message of `kind` is delivered to a process of `role`.
    /// A `Require` that fails leaves the message in the network for later.
    public func on(_ kind: MessageKind, at role: Role, file: String = #fileID, line: Int = #line,
                   path: String = #filePath, @StepBuilder _ body: (Delivery) -> [Stmt]) {
        let receiver = context.freshBinding()
        let sender = context.freshBinding()
        let delivery = Delivery(kind: kind, sender: Term(.binding(sender)), receiver: Term(.binding(receiver)),
                                depth: context.filterDepth)
        actions.append(ActionDecl(name: "receive \(kind.name)", role: role.id, process: receiver, parameters: [],
                                  trigger: .message(kind.id, sender: sender), body: body(delivery),
                                  location: SourceLocation(file: file, line: line, path: path)))
    }

    // MARK: Properties

    /// A named invariant: `condition` must hold in every reachable state.
    public func invariant(_ name: String, _ condition: Term<Bool>, file: String = #fileID, line: Int = #line,
                      path: String = #filePath) {
        invariants.append(InvariantDecl(name: name, condition: condition.expr,
                                        location: SourceLocation(file: file, line: line, path: path)))
    }

    /// A named helper lemma: checked like an invariant by every engine, and assumed by `kripke prove`
    /// in the consecution of the invariants (after being proved inductive together with them).
    ///
    /// ```swift
    /// s.lemma("acks come from replicas that stored version 1", acks <= Count(replicas) { r in version[r] == 1 })
    /// ```
    public func lemma(_ name: String, _ condition: Term<Bool>, file: String = #fileID, line: Int = #line,
                      path: String = #filePath) {
        invariants.append(InvariantDecl(name: name, condition: condition.expr,
                                        location: SourceLocation(file: file, line: line, path: path), isLemma: true))
    }

    /// A condition every initial state satisfies (a conjunct of TLA+'s `Init`): of the
    /// combinations that `initially:` variables allow, only those where every condition holds
    /// are initial states. Several calls conjoin.
    ///
    /// ```swift
    /// let uid = s.variable("uid", per: procs, in: .range(0...(n - 1)), initially: .range(0...(n - 1)))
    /// s.initially(ForAll(procs) { i in ForAll(procs) { j in i == j || uid[i] != uid[j] } })
    /// ```
    public func initially(_ condition: Term<Bool>) { initialConditions.append(condition.expr) }

    /// A state constraint with TLC's meaning: a reachable state where `condition` is false is
    /// checked against the invariants like any other but not expanded, and is no deadlock.
    /// It bounds a model whose variables would grow past their domains (clocks, ballots, rounds)
    /// without a guard on every action. `check` reports how many states it cut off.
    ///
    /// ```swift
    /// s.constraint("clocks below 3", ForAll(procs) { i in clock[i] < 3 })
    /// ```
    public func constraint(_ name: String, _ condition: Term<Bool>, file: String = #fileID, line: Int = #line,
                           path: String = #filePath) {
        stateConstraints.append(StateConstraintDecl(name: name, condition: condition.expr,
                                                    location: SourceLocation(file: file, line: line, path: path)))
    }

    /// States where no step is enabled but the run has ended normally (not a deadlock).
    public func validEndState(_ condition: Term<Bool>) { validEndState = condition.expr }

    func makeIR(name: String) -> SpecIR {
        var ir = SpecIR(name: name, parameters: parameterValues, roles: roles, variables: variables, messages: messages,
                        network: network?.decl ?? NetworkDecl(semantics: .unordered, capacity: 0),
                        actions: actions.map(guardedAgainstCrash), invariants: invariants, validEndState: validEndState,
                        bindingCount: context.bindingCount)
        ir.liveness = liveness
        ir.fairness = fairness
        ir.initialConditions = initialConditions
        ir.stateConstraints = stateConstraints
        ir.sequences = sequences
        if network?.derivesCapacity == true {   // a message set: room for every distinct message
            let processes = roles.filter { !$0.isValueSet }.reduce(0) { $0 + $1.count }
            ir.network = NetworkDecl(semantics: .unordered, capacity: processes * processes * MessageNumbering(ir).messageCount,
                                     lossy: ir.network.lossy, duplicating: true)
        }
        return ir
    }

    // MARK: Process faults

    private var crashVariables: [RoleID: VariableID] = [:]

    /// Lets up to `maxCrashes` processes of `role` crash (fail-stop): a `crash` step marks a live
    /// process crashed; a crashed process takes no further steps and receives no messages
    /// (messages sent to it stay in the network). Returns the `crashed` flags for properties.
    ///
    /// ```swift
    /// let crashed = s.crashes(procs, upTo: 1)
    /// s.invariant("live agree", ForAll(procs) { i in (!crashed[i]).implies(leader[i] == max) })
    /// ```
    public func crashes(_ role: Role, upTo maxCrashes: Int, file: String = #fileID, line: Int = #line,
                        path: String = #filePath) -> StateArray<Bool> {
        let crashed = variable("crashed", per: role, in: .bool, initial: false, file: file, line: line)
        crashVariables[role.id] = crashed.id
        action("crash", for: role, file: file, line: line, path: path) { i in
            Require(Count(role) { j in crashed[j] } < .constant(maxCrashes), file: file, line: line)
            Require(!crashed[i], file: file, line: line)
            crashed[i] <- true
        }
        return crashed
    }

    /// Every step of a process that may crash first requires it to be alive.
    private func guardedAgainstCrash(_ action: ActionDecl) -> ActionDecl {
        guard let crashed = crashVariables[action.role], action.name != "crash" else { return action }
        let alive = Stmt.require(.unary(.not, .variable(crashed, [.binding(action.process)])), at: action.location)
        return ActionDecl(name: action.name, role: action.role, process: action.process, parameters: action.parameters,
                          trigger: action.trigger, body: [alive] + action.body, location: action.location)
    }
}

/// The network a spec declares, with its fault model.
///
/// ```swift
/// s.network(.fifo(capacity: 2))                      // per-channel FIFO queues of at most 2 messages
/// s.network(.unordered(capacity: 6))                 // a bag of at most 6 messages, any delivery order
/// s.network(.unordered(capacity: 8, lossy: true, duplicating: true))   // Paxos's network
/// ```
public struct Network: Sendable {
    let decl: NetworkDecl
    /// The capacity is derived from the message domains when the spec is built (`messageSet`).
    var derivesCapacity = false

    /// One FIFO channel per ordered pair of processes; with `lossy`, any queued message may be lost.
    public static func fifo(capacity: Int, lossy: Bool = false) -> Network {
        Network(decl: NetworkDecl(semantics: .fifo, capacity: capacity, lossy: lossy))
    }

    /// A multiset of messages delivered in any order; `lossy` lets any message be lost,
    /// `duplicating` lets every message be delivered any number of times.
    public static func unordered(capacity: Int, lossy: Bool = false, duplicating: Bool = false) -> Network {
        Network(decl: NetworkDecl(semantics: .unordered, capacity: capacity, lossy: lossy, duplicating: duplicating))
    }

    /// The set of messages sent so far, each deliverable any number of times (TLA+'s `msgs`, as
    /// in the Paxos and Raft specs), with no capacity to choose: it is derived from the message
    /// domains — every distinct message between every ordered pair of processes — so the set
    /// can never overflow. That bound is loose (each state keeps room for all of them); where a
    /// smaller one is known, `.unordered(capacity:, duplicating: true)` keeps states smaller.
    ///
    /// ```swift
    /// s.network(.messageSet())
    /// ```
    public static func messageSet(lossy: Bool = false) -> Network {
        Network(decl: NetworkDecl(semantics: .unordered, capacity: 0, lossy: lossy, duplicating: true), derivesCapacity: true)
    }
}
