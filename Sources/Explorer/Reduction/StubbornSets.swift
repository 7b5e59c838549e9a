import Kripke

/// Partial-order reduction by stubborn sets (Valmari), computed per state: which of the enabled
/// transition groups to explore so that every deadlock and every invariant violation of the
/// full state graph stays reachable.
///
/// A set T of groups is stubborn in state s when (1) for every enabled group in T, every group
/// that conflicts with it (`DependencyRelation.conflicts`) is in T, so no sequence of steps
/// outside T can disable it or fail to commute with it; and (2) for every disabled group in T, a
/// necessary enabling set is in T: groups one of which must fire before it can become enabled
/// (`necessaryEnablers`). Exploring only T's enabled groups preserves every deadlock
/// (Godefroid 1996, Thm. 4.3). Invariants need two more rules, applied by the search:
/// visibility — a reduced set holds no step that can change an invariant's truth (else the state
/// is expanded fully; Peled's C2) — and the cycle proviso (see `BreadthFirstSearch`).
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
/// let chosen = stubborn.choose(enabled: groups, state: state)   // nil: expand fully
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
    private var members: [Int32] = []
    /// The enabled groups of the best stubborn set found, valid after `choose` returns non-nil.
    private(set) var chosen: [Int32] = []

    init(relation: DependencyRelation, system: TransitionSystem) {
        self.relation = relation
        self.system = system
        layout = system.layout
        machine = system.makeMachine()
        stamp = Array(repeating: 0, count: relation.groups.count)
        enabledStamp = Array(repeating: 0, count: relation.groups.count)
    }

    /// Chooses the smallest stubborn set, over one seed per enabled group, whose enabled groups
    /// are all invisible. Returns false when none is smaller than `enabled` (expand fully).
    func choose(enabled: [Int32], state: UnsafePointer<Int>) -> Bool {
        guard enabled.count > 1 else { return false }
        currentEnabled &+= 1
        if currentEnabled == 0 { enabledStamp = Array(repeating: 0, count: enabledStamp.count); currentEnabled = 1 }
        for g in enabled { enabledStamp[Int(g)] = currentEnabled }
        var best = enabled.count
        loaded = false
        chosen.removeAll(keepingCapacity: true)
        for seed in enabled where !relation.visible[Int(seed)] {
            guard let size = closure(from: seed, state: state, bound: best), size < best else { continue }
            best = size
            chosen = members
            if best == 1 { break }
        }
        return !chosen.isEmpty
    }

    /// The enabled groups of the stubborn set grown from `seed` (into `members`), or nil when it
    /// holds a visible enabled group or reaches `bound` enabled groups.
    private func closure(from seed: Int32, state: UnsafePointer<Int>, bound: Int) -> Int? {
        generation &+= 1
        if generation == 0 { stamp = Array(repeating: 0, count: stamp.count); generation = 1 }
        members.removeAll(keepingCapacity: true)
        worklist.removeAll(keepingCapacity: true)
        add(seed)
        while let group = worklist.popLast() {
            let g = Int(group)
            if enabledStamp[g] == currentEnabled {
                if relation.visible[g] { return nil }
                members.append(group)
                if members.count >= bound { return nil }
                for other in relation.conflicts[g] { add(other) }
            } else {
                necessaryEnablers(g, state: state)
            }
        }
        return members.count
    }

    private func add(_ group: Int32) {
        guard stamp[Int(group)] != generation else { return }
        stamp[Int(group)] = generation
        worklist.append(group)
    }

    /// Adds a necessary enabling set of the disabled group `g` in `state`: for a delivery or loss
    /// whose message is not there, the groups that can send one (or, behind another FIFO head,
    /// those that can take the head); for a step whose guard is false, the groups that can
    /// change the first false leading `Require` (all of its guard when the leading ones hold).
    private func necessaryEnablers(_ g: Int, state: UnsafePointer<Int>) {
        let source = Int(relation.source[g])
        guard source >= 0 else {
            guardEnablers(g, state: state, sender: -1, code: -1)
            return
        }
        let kind = Int(relation.kind[g])
        if relation.fifo {
            let head = state[layout.networkBase + source * layout.capacity]
            if head == 0 {
                for other in relation.appenders[source] { add(other) }
            } else {
                for other in relation.takers[source] { add(other) }
                if kind >= 0 && layout.codec.kind(of: head - 1) == kind {
                    guardEnablers(g, state: state, sender: source / relation.processCount, code: head - 1)
                }
            }
            return
        }
        if kind < 0 {   // an unordered loss: enabled by any send on its channel
            let kinds = relation.kindCount
            for k in 0..<kinds { for other in relation.appenders[source * kinds + k] { add(other) } }
            return
        }
        for other in relation.appenders[source] { add(other) }
        let kinds = relation.kindCount, processes = relation.processCount
        let channel = source / kinds
        for position in 0..<layout.capacity {
            let value = state[layout.networkBase + position]
            if value == 0 { break }
            let entry = layout.bagEntry(value)
            guard entry.sender * processes + entry.receiver == channel, layout.codec.kind(of: entry.code) == kind else { continue }
            guardEnablers(g, state: state, sender: entry.sender, code: entry.code)
        }
    }

    /// Adds the groups that can make the first false leading `Require` of `g` true, for the
    /// given message (code −1: a local step); every guard writer when the leading ones all hold.
    private func guardEnablers(_ g: Int, state: UnsafePointer<Int>, sender: Int, code: Int) {
        let failing: Int?
        switch relation.groups[g] {
        case .local(let action, let process, let choice):
            failing = firstFailingGuard(action, process, choice, -1, -1, state)
        case .delivery(let action, let receiver, _):
            failing = firstFailingGuard(action, receiver, 0, sender, code, state)
        case .loss:
            failing = nil
        }
        let writers = failing.map { relation.conjunctWriters[g][$0] } ?? relation.guardWriters[g]
        for other in writers { add(other) }
    }

    private func firstFailingGuard(_ action: Int, _ process: Int, _ choice: Int, _ sender: Int, _ code: Int,
                                   _ state: UnsafePointer<Int>) -> Int? {
        if !loaded {
            machine.load(state)
            loaded = true
        }
        return system.firstFailingGuard(action: action, process: process, choice: choice, sender: sender,
                                        messageCode: code, machine: machine)
    }
}
