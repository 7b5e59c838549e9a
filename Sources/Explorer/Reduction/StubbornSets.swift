import Kripke

/// Partial-order reduction by stubborn sets (Valmari), computed per state: which of the enabled
/// transition groups to explore so that every deadlock and every invariant violation of the
/// full state graph stays reachable, and every assertion violation (`DependencyRelation.asserting`).
///
/// A set T of groups is stubborn in state s when (1) for every enabled group in T, every group
/// that conflicts with it (`DependencyRelation.conflicts`) is in T, so no sequence of steps
/// outside T can disable it or fail to commute with it; and (2) for every disabled group in T, a
/// necessary enabling set is in T: groups one of which must fire before it can become enabled
/// (`necessaryEnablers`). Exploring only T's enabled groups preserves every deadlock
/// (Godefroid 1996, Thm. 4.3). Invariant violations are kept by one of two rules, chosen per
/// state, whichever gives the smaller set:
/// - *up-set*: T contains groups one of which every run from here to a violation takes
///   (`ViolationUpSets`). The first of them on such a run commutes to its front, so the reduced
///   graph holds a violating run one step shorter from a successor — by induction a violation.
///   No proviso is needed.
/// - *visibility*: T's enabled groups cannot change an invariant's truth (Peled's C2), and the
///   search applies the cycle proviso to the state (see `ExpansionWorker.expandReduced`).
/// Mixing the two is sound: along the runs the second rule follows without getting shorter,
/// every state uses the second rule, so every cycle among them holds a fully expanded state.
///
/// Bounded networks: the relation is that of the system with unbounded channels, where a send
/// that does not fit is an enabled step to a state the layout cannot hold. The search treats such
/// a step like any other: when the reduced set holds it, it is reported as an overflow and the run
/// ends incomplete. If no explored step ever overflows, the reduced graph *is* the reduced graph
/// of the unbounded system, so "holds" is proved for unbounded channels — which the full search
/// could only report as incomplete if it met the bound. The reduction never turns a reachable
/// overflow into "holds" for the bounded model without that stronger guarantee.
///
/// ```swift
/// let stubborn = StubbornSets(relation: relation, layout: layout)
/// if stubborn.choose(enabled: groups, state: state) { stubborn.chosen }   // false: expand fully
/// ```
final class StubbornSets {
    let relation: DependencyRelation
    private let system: TransitionSystem
    private let layout: StateLayout
    /// Evaluates guards on the state being reduced (loaded on first use per state).
    private let machine: Machine
    private var loaded = false
    private var stamp: [UInt32]
    private var enabledStamp: [UInt32]
    private var generation: UInt32 = 0
    private var currentEnabled: UInt32 = 0
    private var worklist: [Int32] = []
    /// Candidate necessary enabling sets of the group being closed over, and the one chosen.
    private var options: [[Int32]] = []
    private var lastEnablers: [Int32] = []
    /// Per group, its necessary enabling set in the state being reduced (valid when stamped).
    private var enablersCache: [[Int32]]
    private var enablersStamp: [UInt32]
    private var guardsStamp: UInt32 = 0
    private var members: [Int32] = []
    /// The enabled groups of the best stubborn set found, valid after `choose` returns true.
    private(set) var chosen: [Int32] = []
    /// Whether `chosen` relies on visibility, so the search must apply the cycle proviso to it.
    private(set) var needsProviso = false
    private let upSets: UpSetEvaluator
    private var upSet: [Int32] = []

    init(relation: DependencyRelation, system: TransitionSystem) {
        self.relation = relation
        self.system = system
        layout = system.layout
        machine = system.makeMachine()
        upSets = UpSetEvaluator(relation.upSets, compiler: ExprCompiler(ir: system.ir, layout: system.layout))
        stamp = Array(repeating: 0, count: relation.groups.count)
        enablersCache = Array(repeating: [], count: relation.groups.count)
        enablersStamp = Array(repeating: 0, count: relation.groups.count)
        enabledStamp = Array(repeating: 0, count: relation.groups.count)
    }

    /// Chooses the smallest stubborn set that keeps every invariant violation and deadlock,
    /// among two kinds of candidates, and says which kind was chosen (`needsProviso`):
    /// - one that contains an up-set of the invariants (`UpSetEvaluator`), grown from the up-set
    ///   plus one enabled group; no proviso is needed;
    /// - one grown from one invisible enabled group whose enabled groups are all invisible; the
    ///   search must then apply the cycle proviso.
    /// Returns false when none is smaller than `enabled` (expand fully).
    func choose(enabled: [Int32], state: UnsafePointer<Int>) -> Bool {
        guard enabled.count > 1 else { return false }
        currentEnabled &+= 1
        if currentEnabled == 0 {
            enabledStamp = Array(repeating: 0, count: enabledStamp.count)
            currentEnabled = 1
        }
        for g in enabled { enabledStamp[Int(g)] = currentEnabled }
        var best = enabled.count
        loaded = false
        guardsStamp &+= 1
        if guardsStamp == 0 {
            enablersStamp = Array(repeating: 0, count: enablersStamp.count)
            guardsStamp = 1
        }
        chosen.removeAll(keepingCapacity: true)
        needsProviso = false
        load(state)
        upSet.removeAll(keepingCapacity: true)
        if upSets.collect(on: machine, into: &upSet) {
            upSet += relation.asserting   // the up-set of "no assertion has failed"
            switch closure(from: upSet, plus: nil, state: state, bound: best, invisibleOnly: false) {
            case nil:
                break
            case let size? where size > 0:
                best = size
                chosen = members
            default:
                for seed in enabled {
                    guard let size = closure(from: upSet, plus: seed, state: state, bound: best, invisibleOnly: false),
                          size < best else { continue }
                    best = size
                    chosen = members
                    if best == 1 { break }
                }
            }
        }
        if best > 1 {
            for seed in enabled where !relation.visible[Int(seed)] {
                guard let size = closure(from: [], plus: seed, state: state, bound: best, invisibleOnly: true),
                      size < best else { continue }
                best = size
                chosen = members
                needsProviso = true
                if best == 1 { break }
            }
        }
        return !chosen.isEmpty
    }

    /// The number of enabled groups of the stubborn set grown from `base` and `seed` (into
    /// `members`), or nil when it reaches `bound` enabled groups or (`invisibleOnly`) holds a
    /// visible enabled group.
    private func closure(from base: [Int32], plus seed: Int32?, state: UnsafePointer<Int>, bound: Int,
                         invisibleOnly: Bool) -> Int? {
        generation &+= 1
        if generation == 0 { stamp = Array(repeating: 0, count: stamp.count); generation = 1 }
        members.removeAll(keepingCapacity: true)
        worklist.removeAll(keepingCapacity: true)
        for group in base { add(group) }
        if let seed { add(seed) }
        while let group = worklist.popLast() {
            let g = Int(group)
            if enabledStamp[g] == currentEnabled {
                if invisibleOnly && relation.visible[g] { return nil }
                members.append(group)
                if members.count >= bound { return nil }
                for other in relation.conflicts[g] { add(other) }
            } else {
                for other in cachedEnablers(g, state: state) { add(other) }
            }
        }
        return members.count
    }

    private func add(_ group: Int32) {
        guard stamp[Int(group)] != generation else { return }
        stamp[Int(group)] = generation
        worklist.append(group)
    }

    /// Chooses a necessary enabling set of the disabled group `g` in `state` (into `lastEnablers`):
    /// among the valid ones, the set that brings the fewest groups not yet in the stubborn set:
    /// - a false leading `Require`: the groups that can change what it reads;
    /// - a delivery whose message is not there: the groups that can send one (behind another FIFO
    ///   head: those that can take the head); with the message there, the groups that can change
    ///   a false `Require` for it (all guard writers if the leading ones hold);
    /// - a loss with nothing to lose: the groups that can send on its channel.
    private func necessaryEnablers(_ g: Int, state: UnsafePointer<Int>) {
        options.removeAll(keepingCapacity: true)
        let source = Int(relation.source[g])
        let kind = Int(relation.kind[g])
        switch relation.groups[g] {
        case .local(let action, let process, let choice):
            let failing = failingGuards(action, process, choice, -1, -1, state)
            for conjunct in failing { options.append(relation.conjunctWriters[g][conjunct]) }
            if failing.isEmpty { options.append(relation.guardWriters[g]) }
        case .delivery(let action, let receiver, let sender):
            let stateGuards = failingGuards(action, receiver, 0, -1, -1, state)
            for conjunct in stateGuards where !relation.conjunctReadsMessage[g][conjunct] {
                options.append(relation.conjunctWriters[g][conjunct])
            }
            if relation.fifo {
                let head = state[layout.networkBase + source * layout.capacity]
                if head == 0 {
                    options.append(relation.appenders[source])
                } else if layout.messages.kind(of: head - 1) != kind {
                    options.append(relation.takers[source])
                } else {
                    options.append(relation.takers[source] + messageGuardEnablers(g, action, receiver, sender, head - 1, state))
                }
            } else {
                var present: [Int32] = []
                var found = false
                for position in 0..<layout.capacity {
                    let value = state[layout.networkBase + position]
                    if value == 0 { break }
                    let entry = layout.bagEntry(value)
                    guard entry.sender == sender, entry.receiver == receiver, layout.messages.kind(of: entry.code) == kind else { continue }
                    found = true
                    present += messageGuardEnablers(g, action, receiver, sender, entry.code, state)
                }
                options.append(found ? relation.appenders[source] + present : relation.appenders[source])
            }
        case .loss:
            if relation.fifo {
                options.append(relation.appenders[source])
            } else {
                let kinds = relation.kindCount
                options.append((0..<kinds).flatMap { relation.appenders[source * kinds + $0] })
            }
        }
        var best = options[0]
        var bestCost = Int.max
        for option in options {
            let cost = option.count { stamp[Int($0)] != generation }
            if cost < bestCost {
                best = option
                bestCost = cost
            }
        }
        lastEnablers = best
    }

    /// For a delivery of the message `code` that is there but disabled: the groups that can change
    /// its first false leading `Require`, or every guard writer when they all hold.
    private func messageGuardEnablers(_ g: Int, _ action: Int, _ receiver: Int, _ sender: Int, _ code: Int,
                                      _ state: UnsafePointer<Int>) -> [Int32] {
        let failing = failingGuards(action, receiver, 0, sender, code, state)
        return failing.first.map { relation.conjunctWriters[g][$0] } ?? relation.guardWriters[g]
    }

    private func failingGuards(_ action: Int, _ process: Int, _ choice: Int, _ sender: Int, _ code: Int,
                               _ state: UnsafePointer<Int>) -> [Int] {
        load(state)
        return system.failingGuards(action: action, process: process, choice: choice, sender: sender,
                                    messageCode: code, machine: machine)
    }

    private func load(_ state: UnsafePointer<Int>) {
        guard !loaded else { return }
        machine.load(state)
        loaded = true
    }

    /// The necessary enabling set chosen for `g` in this state, computed once per state: later
    /// closures reuse it (the choice then no longer adapts to each closure, which is still sound).
    private func cachedEnablers(_ g: Int, state: UnsafePointer<Int>) -> [Int32] {
        if enablersStamp[g] == guardsStamp { return enablersCache[g] }
        necessaryEnablers(g, state: state)
        enablersStamp[g] = guardsStamp
        enablersCache[g] = lastEnablers
        return lastEnablers
    }
}
