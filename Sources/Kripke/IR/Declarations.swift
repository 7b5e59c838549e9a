/// A spec parameter such as `N`, with its default and legal range.
///
/// ```swift
/// let n = ParameterDecl(name: "N", defaultValue: 3, range: 2...6, summary: "number of processes")
/// ```
public struct ParameterDecl: Hashable, Sendable, Codable {
    public let name: String
    public let defaultValue: Int
    public let lowerBound: Int
    public let upperBound: Int
    public let summary: String

    public init(name: String, defaultValue: Int, range: ClosedRange<Int>, summary: String = "") {
        self.name = name
        self.defaultValue = defaultValue
        self.lowerBound = range.lowerBound
        self.upperBound = range.upperBound
        self.summary = summary
    }

    public var range: ClosedRange<Int> { lowerBound...upperBound }
}

/// A group of processes with one process-id range, e.g. `clients` = ids 0..<N.
/// Process ids are global: roles occupy consecutive ranges in declaration order.
///
/// ```swift
/// let clients = RoleDecl(name: "client", count: 3, firstID: 0)
/// clients.contains(2)   // true
/// ```
public struct RoleDecl: Hashable, Sendable {
    public let name: String
    public let count: Int
    public let firstID: Int
    /// Whether the spec treats the processes of this role interchangeably (a scalarset).
    public let symmetric: Bool
    /// A set of interchangeable values (Murphi's scalarset, TLA+'s symmetric model values), not
    /// processes: its members take no steps; they are ids that variables and messages hold.
    public let isValueSet: Bool

    public init(name: String, count: Int, firstID: Int, symmetric: Bool = false, isValueSet: Bool = false) {
        self.name = name
        self.count = count
        self.firstID = firstID
        self.symmetric = symmetric
        self.isValueSet = isValueSet
    }

    public func contains(_ id: Int) -> Bool { id >= firstID && id < firstID + count }

    /// Display name of a process: the role name alone for a singleton role, else `name[k]`.
    public func processName(_ id: Int) -> String {
        count == 1 ? name : "\(name)\(id - firstID)"
    }
}

/// A state variable: a value domain, indexed by zero or more roles (a per-process array when one).
///
/// ```swift
/// // phase: per client, in {idle, waiting, critical}, initially idle
/// let phase = VariableDecl(name: "phase", indices: [clients], domain: phaseDomain,
///                          initial: .value(.literal(0)), indexBindings: [], isGhost: false, location: loc)
/// ```
public struct VariableDecl: Hashable, Sendable {
    public let name: String
    public let indices: [IterationDomain]
    public let domain: ValueDomain
    /// How each cell starts: one value, or any value of a domain (then every choice is an initial state).
    public let initial: InitialValue
    public let indexBindings: [BindingID]
    /// Ghost/history variables exist for properties only; traces may hide them.
    public let isGhost: Bool
    public let location: SourceLocation

    public init(name: String, indices: [IterationDomain], domain: ValueDomain, initial: InitialValue,
                indexBindings: [BindingID], isGhost: Bool, location: SourceLocation) {
        self.name = name
        self.indices = indices
        self.domain = domain
        self.initial = initial
        self.indexBindings = indexBindings
        self.isGhost = isGhost
        self.location = location
    }
}

/// How a variable's cells start, TLA+'s `x = e` or `x \in S`.
///
/// ```swift
/// let idle = InitialValue.value(.literal(0))              // every cell starts at 0
/// let any = InitialValue.anyOf(.bool)                      // each cell true or false: 2^N initial states
/// ```
public enum InitialValue: Hashable, Sendable {
    /// One value; the expression may read the variable's index bindings (e.g. depend on the process id).
    case value(Expr)
    /// Any value of the domain, independently per cell; the spec's initial conditions may then
    /// rule combinations out.
    case anyOf(ValueDomain)

    /// The single starting value, when there is one.
    public var value: Expr? {
        if case .value(let expr) = self { expr } else { nil }
    }
}

/// A payload field of a message kind.
///
/// ```swift
/// let ts = FieldDecl(name: "ts", domain: .range(0, 4))
/// ```
public struct FieldDecl: Hashable, Sendable {
    public let name: String
    public let domain: ValueDomain
    public init(name: String, domain: ValueDomain) {
        self.name = name
        self.domain = domain
    }
}

/// A message kind with its payload fields.
///
/// ```swift
/// let request = MessageDecl(name: "request", fields: [ts], location: loc)
/// ```
public struct MessageDecl: Hashable, Sendable {
    public let name: String
    public let fields: [FieldDecl]
    public let location: SourceLocation
    public init(name: String, fields: [FieldDecl], location: SourceLocation) {
        self.name = name
        self.fields = fields
        self.location = location
    }
}

/// How the network delivers messages, and which faults it may commit.
///
/// ```swift
/// let net = NetworkDecl(semantics: .fifo, capacity: 2)
/// let paxosNet = NetworkDecl(semantics: .unordered, capacity: 8, lossy: true, duplicating: true)
/// ```
public struct NetworkDecl: Hashable, Sendable {
    public enum Semantics: String, Hashable, Sendable, Codable {
        /// One FIFO channel per ordered pair of processes; `capacity` bounds each channel.
        case fifo
        /// One multiset of messages in flight, delivered in any order; `capacity` bounds its size.
        case unordered
    }
    public let semantics: Semantics
    public let capacity: Int
    /// Any message in flight may be lost (a step of the network).
    public let lossy: Bool
    /// Messages are never consumed: once sent, a message may be delivered any number of times
    /// (the network holds the *set* of sent messages, as in the TLA+ Paxos spec). Unordered only.
    public let duplicating: Bool

    public init(semantics: Semantics, capacity: Int, lossy: Bool = false, duplicating: Bool = false) {
        self.semantics = semantics
        self.capacity = capacity
        self.lossy = lossy
        self.duplicating = duplicating
    }
}

/// A guarded action: a local step of some process (with `trigger == .local`) or a message handler.
///
/// ```swift
/// // Action "request" for every client i: body reads binding `process`.
/// let a = ActionDecl(name: "request", role: clients, process: i, parameters: [],
///                    trigger: .local, body: body, location: loc)
/// ```
public struct ActionDecl: Hashable, Sendable {
    public enum Trigger: Hashable, Sendable {
        /// A step the process takes on its own.
        case local
        /// Delivery of one message of `kind` addressed to the process; binds `sender`.
        case message(MessageKindID, sender: BindingID)
    }
    public let name: String
    public let role: RoleID
    /// Binding of the acting (or receiving) process id.
    public let process: BindingID
    /// Extra nondeterministic choices of the action (e.g. a value to propose).
    public let parameters: [(BindingID, IterationDomain)]
    public let trigger: Trigger
    public let body: [Stmt]
    public let location: SourceLocation

    public init(name: String, role: RoleID, process: BindingID, parameters: [(BindingID, IterationDomain)],
                trigger: Trigger, body: [Stmt], location: SourceLocation) {
        self.name = name
        self.role = role
        self.process = process
        self.parameters = parameters
        self.trigger = trigger
        self.body = body
        self.location = location
    }

    public static func == (lhs: ActionDecl, rhs: ActionDecl) -> Bool {
        lhs.name == rhs.name && lhs.role == rhs.role && lhs.process == rhs.process
            && lhs.parameters.map(\.0) == rhs.parameters.map(\.0)
            && lhs.parameters.map(\.1) == rhs.parameters.map(\.1)
            && lhs.trigger == rhs.trigger && lhs.body == rhs.body && lhs.location == rhs.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(location)
    }
}

/// A named safety property: a predicate over the global state that must hold in every reachable state.
/// A lemma (`isLemma`) is checked like any invariant; `kripke prove` proves it inductive together
/// with the invariants and assumes it in their consecution, to strengthen them (as in Ivy).
///
/// ```swift
/// let mutex = InvariantDecl(name: "mutual exclusion", condition: atMostOne, location: loc)
/// let helper = InvariantDecl(name: "one token", condition: oneToken, location: loc, isLemma: true)
/// ```
public struct InvariantDecl: Hashable, Sendable {
    public let name: String
    public let condition: Expr
    public let location: SourceLocation
    /// A helper lemma rather than a property the user asked for.
    public let isLemma: Bool
    public init(name: String, condition: Expr, location: SourceLocation, isLemma: Bool = false) {
        self.name = name
        self.condition = condition
        self.location = location
        self.isLemma = isLemma
    }
}

/// A state constraint with TLC's meaning: a reachable state where the condition is false is
/// still stored and checked against the invariants, but not expanded — the search bounds an
/// unbounded model (clocks, ballots) without a guard in every action, and without reporting the
/// states at the bound as deadlocks.
///
/// ```swift
/// let bounded = StateConstraintDecl(name: "clocks below 4", condition: clocksBelow4, location: loc)
/// ```
public struct StateConstraintDecl: Hashable, Sendable {
    public let name: String
    public let condition: Expr
    public let location: SourceLocation
    public init(name: String, condition: Expr, location: SourceLocation) {
        self.name = name
        self.condition = condition
        self.location = location
    }
}

/// A bounded sequence variable, kept as two plain variables every engine already handles: the
/// items (indexed 0..<capacity; the cells past the length hold the domain's first value, so
/// equal sequences are equal states) and the length. Traces show it as one sequence.
///
/// ```swift
/// let queue = SequenceDecl(items: VariableID(index: 3), length: VariableID(index: 4))
/// ```
public struct SequenceDecl: Hashable, Sendable {
    public let items: VariableID
    public let length: VariableID
    public init(items: VariableID, length: VariableID) {
        self.items = items
        self.length = length
    }
}
