/// The static relations between transition groups that partial-order reduction needs, read off
/// the engine-neutral footprints (`FootprintAnalysis`). Both engines read it: the explorer's
/// stubborn sets (`StubbornSets`) and BMC's fixed order of adjacent commuting steps
/// (`StepOrder`), so their two reductions cannot drift apart.
///
/// - `conflicts[g]`: groups that may not commute with `g` or may disable it: they write a cell
///   `g` reads or writes (or read one it writes) — except two commutative updates of a cell with
///   one operator, such as two `replies[i] <- replies[i] + 1`, which commute — take messages from the same channel (FIFO) or
///   the same sender–receiver–kind class (unordered), append to the same FIFO channel, or change
///   messages an `InFlight` term of the other counts.
/// - `guardWriters[g]`: groups that may change what decides whether `g` is enabled.
/// - `appenders`, `takers`: per channel (or class), who may put messages there or take them.
/// - `visible[g]`: `g` may change an invariant's truth value (`InvariantVisibility`), or may
///   execute an `Assert`.
/// - `upSets`: per state, groups one of which every run to a violation takes (`ViolationUpSets`).
/// - `asserting`: the groups whose action holds an `Assert`. An assertion violation is a step, so
///   it is treated as the invariant "no assertion has failed" over a flag that only these groups
///   set: they are visible to it, and they are an up-set of it in every state.
///
/// Network capacity plays no part: the relation is that of the same system with unbounded
/// channels, in which a send never blocks (`StubbornSets` and `StepOrder` say why that keeps
/// overflow reports sound). An append and a head removal of one FIFO channel commute whenever the
/// removal is enabled (the head is there), so they are not in conflict.
///
/// ```swift
/// let relation = DependencyRelation(ir, invariants: ir.invariants.map(\.condition))
/// relation.conflicts[relation.local(action: 0, process: 1, choice: 0)]   // groups it may not commute with
/// ```
public struct DependencyRelation: Sendable {
    public let groups: [TransitionGroup]
    public let conflicts: [[Int32]]
    public let guardWriters: [[Int32]]
    /// Per group and leading `Require`: the groups that can change what that condition reads.
    public let conjunctWriters: [[[Int32]]]
    /// Per group and leading `Require`: whether it reads the handled message.
    public let conjunctReadsMessage: [[Bool]]
    /// Per FIFO channel (sender × P + receiver) or unordered class ((channel) × K + kind).
    public let appenders: [[Int32]]
    public let takers: [[Int32]]
    public let visible: [Bool]
    /// The groups whose action holds an `Assert` (every run to an assertion violation ends with one).
    public let asserting: [Int32]
    /// Per state, the groups one of which every run to an invariant violation takes.
    public let upSets: ViolationUpSets
    /// The channel (FIFO) or class (unordered) a delivery group takes from; -1 for local groups.
    public let source: [Int32]
    /// The message kind a delivery group handles; -1 otherwise (a loss takes any kind).
    public let kind: [Int32]
    public let processCount: Int
    public let kindCount: Int
    public let fifo: Bool
    @usableFromInline let localBase: [Int]
    @usableFromInline let choiceLower: [Int]
    @usableFromInline let choiceCount: [Int]
    @usableFromInline let firstProcess: [Int]
    @usableFromInline let lossBase: Int

    public init(_ ir: SpecIR, invariants: [Expr]) {
        let analysis = FootprintAnalysis(ir)
        groups = TransitionGroup.all(ir)
        processCount = ir.processCount
        kindCount = max(ir.messages.count, 1)
        fifo = ir.network.semantics == .fifo
        var bases: [Int] = [], lowers: [Int] = [], counts: [Int] = [], firsts: [Int] = []
        var next = 0
        for action in ir.actions {
            let actors = IterationDomain.role(action.role).values(roles: ir.roles)
            let choices = action.choiceCodes(roles: ir.roles)
            bases.append(next)
            lowers.append(choices.lowerBound)
            counts.append(choices.count)
            firsts.append(actors.lowerBound)
            if case .local = action.trigger { next += actors.count * choices.count } else { next += actors.count * ir.processCount }
        }
        localBase = bases
        choiceLower = lowers
        choiceCount = counts
        firstProcess = firsts
        lossBase = next

        let footprints = groups.map(analysis.footprint(of:))
        let access = NetworkAccess(ir, groups: groups, footprints: footprints)
        var conflicts: [Set<Int32>] = Array(repeating: [], count: groups.count)
        var guardWriters: [Set<Int32>] = Array(repeating: [], count: groups.count)
        var readers: [Int: [Int32]] = [:], writers: [Int: [Int32]] = [:]
        for (g, footprint) in footprints.enumerated() {
            for cell in footprint.reads { readers[cell, default: []].append(Int32(g)) }
            for cell in footprint.writes { writers[cell, default: []].append(Int32(g)) }
        }
        // Writes that are not one commutative update, per cell; and per cell and operator, the
        // commutative updaters (which commute with each other but with nothing else on the cell).
        var plainWriters: [Int: [Int32]] = [:], updaters: [Int: [Expr.BinaryOperator: [Int32]]] = [:]
        for (g, footprint) in footprints.enumerated() {
            for cell in footprint.writes {
                if let op = footprint.commutativeWrites[cell] {
                    updaters[cell, default: [:]][op, default: []].append(Int32(g))
                } else {
                    plainWriters[cell, default: []].append(Int32(g))
                }
            }
        }
        for (g, footprint) in footprints.enumerated() {
            for cell in footprint.writes {
                conflicts[g].formUnion(readers[cell] ?? [])
                conflicts[g].formUnion(plainWriters[cell] ?? [])
                for (op, groups) in updaters[cell] ?? [:] where op != footprint.commutativeWrites[cell] {
                    conflicts[g].formUnion(groups)
                }
            }
            for cell in footprint.reads { conflicts[g].formUnion(writers[cell] ?? []) }
            for cell in footprint.guardReads { guardWriters[g].formUnion(writers[cell] ?? []) }
            for kind in footprint.networkReads { conflicts[g].formUnion(access.changers[kind]) }
            for kind in footprint.guardNetworkReads { guardWriters[g].formUnion(access.changers[kind]) }
            for kind in access.changedKinds[g] { conflicts[g].formUnion(access.counters[kind]) }
            conflicts[g].formUnion(access.conflicts[g])
            conflicts[g].remove(Int32(g))
        }
        self.conflicts = conflicts.map { $0.sorted() }
        self.guardWriters = guardWriters.map { $0.sorted() }
        conjunctReadsMessage = footprints.map { $0.conjuncts.map(\.readsMessage) }
        conjunctWriters = footprints.map { footprint in
            footprint.conjuncts.map { conjunct in
                var groups = Set<Int32>()
                for cell in conjunct.cells { groups.formUnion(writers[cell] ?? []) }
                for kind in conjunct.kinds { groups.formUnion(access.changers[kind]) }
                return groups.sorted()
            }
        }
        appenders = access.appenders
        takers = access.takers
        source = access.source
        kind = access.kind

        upSets = ViolationUpSets(invariants: invariants, analysis: analysis, footprints: footprints,
                                 changedKinds: access.changedKinds)
        let visibilities = invariants.map { InvariantVisibility(analysis: analysis, invariant: $0) }
        let asserts = ir.actions.map { action in action.body.contains(where: \.containsAssert) }
        let all = groups
        let assertingGroups = all.indices.filter { g in
            switch all[g] {
            case .local(let action, _, _), .delivery(let action, _, _): asserts[action]
            case .loss: false
            }
        }
        asserting = assertingGroups.map(Int32.init)
        let assertingSet = Set(assertingGroups)
        visible = footprints.indices.map { g in
            assertingSet.contains(g)
                || visibilities.contains { $0.mayChange(under: footprints[g], changedKinds: access.changedKinds[g]) }
        }
    }

    /// Whether groups `g` and `h` are independent: distinct, and neither in conflict with the
    /// other. Two steps of independent groups, both enabled, stay enabled after each other and
    /// reach the same state in either order.
    public func independent(_ g: Int, _ h: Int) -> Bool {
        g != h && !Self.contains(conflicts[g], Int32(h)) && !Self.contains(conflicts[h], Int32(g))
    }

    /// Binary search in a sorted list of groups.
    private static func contains(_ sorted: [Int32], _ value: Int32) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// The group of a local action instance.
    @inlinable public func local(action: Int, process: Int, choice: Int) -> Int {
        localBase[action] + (process - firstProcess[action]) * choiceCount[action] + (choice - choiceLower[action])
    }

    /// The group of a delivery by handler `action` at `receiver` of a message from `sender`.
    @inlinable public func delivery(action: Int, receiver: Int, sender: Int) -> Int {
        localBase[action] + (receiver - firstProcess[action]) * processCount + sender
    }

    /// The group of a message loss from `sender` to `receiver`.
    @inlinable public func loss(sender: Int, receiver: Int) -> Int { lossBase + sender * processCount + receiver }
}
