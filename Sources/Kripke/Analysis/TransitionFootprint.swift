/// What one group of transitions may read and write, whatever the state: variable cells (see
/// `VariableCells`), messages sent, and message kinds counted by `InFlight`. `guardReads` is the
/// part of `reads` that can decide whether the step is enabled. Both engines' partial-order
/// reductions read these, so they agree on which steps commute.
///
/// ```swift
/// let analysis = FootprintAnalysis(ir)
/// let footprint = analysis.footprint(of: .local(action: 0, process: 1, choice: 0))
/// footprint.writes.isDisjoint(with: other.reads)
/// ```
public struct TransitionFootprint: Sendable {
    /// A send statement's possible messages: its kind and the processes it may go from and to.
    public struct Send: Sendable, Equatable {
        public var kind: Int
        public var senders: ValueSet
        public var receivers: ValueSet

        /// Whether this send may put a message from `sender` to `receiver` on the network.
        public func mayGo(from sender: Int, to receiver: Int) -> Bool {
            ValueSet.mayContain(senders, sender) && ValueSet.mayContain(receivers, receiver)
        }
    }

    public var reads: Set<Int> = []
    public var writes: Set<Int> = []
    /// Written cells whose every write is a commutative update `x <- x ⊕ e` (⊕ one of `+` with a
    /// non-negative constant, `max`, `min`; `e` not reading `x`), with the operator. Two steps that
    /// update a cell with the same operator and do not otherwise read it commute on it.
    public var commutativeWrites: [Int: Expr.BinaryOperator] = [:]
    /// Cells every step of the group writes (an assignment outside any branch or loop, to one
    /// cell): their value after the step is one of `writtenValues`. Other written cells may also
    /// keep the value they had.
    public var definiteWrites: Set<Int> = []
    /// The values each written cell may receive.
    public var writtenValues: [Int: ValueSet] = [:]
    /// Cells whose value a leading `Require` fixes whenever the step is enabled (`x == c`, `x`, `!x`).
    public var pinned: [Int: ValueSet] = [:]
    public var guardReads: Set<Int> = []
    public var sends: [Send] = []
    /// Message kinds whose messages in flight an `InFlight` term counts.
    public var networkReads: Set<Int> = []
    /// The kinds counted in conditions that can decide whether the step is enabled.
    public var guardNetworkReads: Set<Int> = []
    /// Per leading `Require` (those before any other statement), the cells and kinds its
    /// condition reads, and whether it reads the handled message (its fields or sender): when
    /// one is false, only a step writing those can make it true.
    public var conjuncts: [(cells: Set<Int>, kinds: Set<Int>, readsMessage: Bool)] = []

    public init() {}
}

extension ValueSet {
    /// Whether `set` may hold `value`.
    static func mayContain(_ set: ValueSet, _ value: Int) -> Bool {
        switch set {
        case .any: return true
        case .values(let values): return values.contains(value)
        }
    }
}
