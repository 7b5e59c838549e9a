import Kripke

/// The lassos one random run stumbles on, judged against the spec's liveness properties under
/// its fairness — the same judgement `LassoSearch` makes on the whole state graph, made on the
/// run's own positions. Two kinds of lasso:
///
/// - a **cycle**: the run enters a state it visited before in this run (the same packed words,
///   not merely the same fingerprint), so the steps from that visit to this one can repeat forever;
/// - a **stop**: a run may take no step forever (TLA+'s stuttering; a run that ends is one), fairly
///   only in a state where no fair unit (`FairnessUnits`) is enabled.
///
/// A lasso violates `p ~> q` when `q` holds nowhere in its cycle and `p` holds at a position from
/// which `q` never holds again (for `eventually q`: `q` holds nowhere on it). A cycle is fair when
/// every weakly fair unit is taken in it or disabled in one of its states, and every strongly fair
/// unit is taken in it or disabled in all of them. A cycle through a state where a send found the
/// network full is not judged: what is enabled there is not known.
///
/// The judgement is constant-time per property: per unit, prefix counts of the positions where it
/// is enabled and of the steps that take it. Of the earlier visits a cycle may start at, it tries
/// the earliest one after the property's conclusion last held (the longest cycle that avoids it:
/// weak fairness only gets easier as a cycle grows) and the latest (the shortest: strong fairness
/// may get harder).
///
/// ```swift
/// let lassos = RunLassos(system: system)
/// lassos.begin()
/// _ = lassos.enter(machine: machine, words: fingerprinter.words, fingerprint: initial)
/// if let found = lassos.expanded(instances, overflowed: false) { print(lassos.instances[found.instance].name) }
/// lassos.took(instances[chosen])
/// if let found = lassos.enter(machine: machine, words: fingerprinter.words, fingerprint: next) { print(found.loopStart) }
/// ```
final class RunLassos {
    /// A fair lasso that violates a property instance: the run's positions up to the current one,
    /// its cycle from `loopStart` (the current position itself when the run stops there).
    struct Found {
        let instance: Int
        let loopStart: Int
        /// The fairness the cycle satisfies, as `LivenessResult.Property.fairness` says it.
        let fairness: [String]
    }

    let instances: [LivenessInstance]
    /// Lassos judged, over all runs: cycles closed, and states a fair run may stop in.
    private(set) var judged = 0
    /// The action instance of each step of the current run.
    private(set) var steps: [ActionInstance] = []
    private let predicates: LivenessPredicates
    private let words: Int
    private var units: FairnessUnits
    private var labelIDs: [StateGraph.Label: Int32] = [:]

    /// The current run's last position, and per instance the last position where its premise
    /// and its conclusion held (-1: none yet).
    private var position = -1
    private var lastPremise: [Int], lastConclusion: [Int]
    /// The run's distinct states, packed one after another; where each occurs; the distinct
    /// states by fingerprint (a fingerprint's first state, the next one with it in `sameFingerprint`).
    private var packed: [UInt64] = []
    private var occurrences: [[Int32]] = []
    private var byFingerprint: [UInt64: Int32] = [:]
    private var sameFingerprint: [Int32] = []
    /// Prefix counts per unit: `enabled[u][i]` positions before i where unit u is enabled,
    /// `taken[u][i]` steps before i that are u's; `overflowed[i]` positions before i where a send
    /// found the network full. `enabledHere[u]`: the position u was last found enabled at.
    private var enabled: [[Int32]] = [], taken: [[Int32]] = []
    private var overflowed: [Int32] = [0]
    private var enabledHere: [Int] = []

    init(system: TransitionSystem) {
        instances = LivenessInstance.all(of: system.ir)
        predicates = LivenessPredicates(system: system, instances: instances)
        words = system.packer.wordCount
        units = FairnessUnits(system.ir, labels: [])
        lastPremise = Array(repeating: -1, count: instances.count)
        lastConclusion = lastPremise
    }

    /// Starts a new run (its first state comes with `enter`).
    func begin() {
        position = -1
        steps.removeAll(keepingCapacity: true)
        for index in instances.indices { (lastPremise[index], lastConclusion[index]) = (-1, -1) }
        packed.removeAll(keepingCapacity: true)
        occurrences.removeAll(keepingCapacity: true)
        byFingerprint.removeAll(keepingCapacity: true)
        sameFingerprint.removeAll(keepingCapacity: true)
        for unit in 0..<units.count {
            enabled[unit].removeAll(keepingCapacity: true)
            enabled[unit].append(0)
            taken[unit].removeAll(keepingCapacity: true)
            taken[unit].append(0)
            enabledHere[unit] = -1
        }
        overflowed.removeAll(keepingCapacity: true)
        overflowed.append(0)
    }

    /// The run enters its next state — loaded into `machine`, packed in `words` — and the fair
    /// violating lasso it closes by coming back to a state visited before, if any.
    func enter(machine: Machine, words state: UnsafePointer<UInt64>, fingerprint: UInt64) -> Found? {
        position += 1
        predicates.evaluate(machine) { index, premise, conclusion in
            if premise { lastPremise[index] = position }
            if conclusion { lastConclusion[index] = position }
        }
        var id = byFingerprint[fingerprint] ?? -1
        while id >= 0 && !packed.withUnsafeBufferPointer({ equal($0.baseAddress! + Int(id) * words, state) }) {
            id = sameFingerprint[Int(id)]
        }
        guard id >= 0 else {
            sameFingerprint.append(byFingerprint[fingerprint] ?? -1)
            byFingerprint[fingerprint] = Int32(occurrences.count)
            occurrences.append([Int32(position)])
            packed.append(contentsOf: UnsafeBufferPointer(start: state, count: words))
            return nil
        }
        judged += 1
        defer { occurrences[Int(id)].append(Int32(position)) }
        let latest = Int(occurrences[Int(id)].last!)
        for index in instances.indices where violates(index, loopStart: latest) {
            let earliest = firstVisit(of: Int(id), after: lastConclusion[index])
            for start in earliest == latest ? [latest] : [earliest, latest] {
                if let fairness = fairness(from: start) { return Found(instance: index, loopStart: start, fairness: fairness) }
            }
        }
        return nil
    }

    /// The current state's enabled steps (`overflowed`: and some not taken because a send found
    /// the network full), and the violating lasso that stops here, if stopping here is fair.
    func expanded(_ enabledSteps: [ActionInstance], overflowed full: Bool) -> Found? {
        for instance in enabledSteps {
            let label = labelID(of: instance)   // first: it may add the label (and units)
            for unit in units.ofLabel[Int(label)] { enabledHere[Int(unit)] = position }
        }
        var fairStop = !full
        for unit in 0..<units.count {
            let on = enabledHere[unit] == position
            if on { fairStop = false }
            enabled[unit].append(enabled[unit].last! + (on ? 1 : 0))
        }
        overflowed.append(overflowed.last! + (full ? 1 : 0))
        guard fairStop else { return nil }
        judged += 1
        guard let index = instances.indices.first(where: { violates($0, loopStart: position) }) else { return nil }
        return Found(instance: index, loopStart: position, fairness: [])
    }

    /// The run takes a step of the current state (one `expanded` listed).
    func took(_ instance: ActionInstance) {
        steps.append(instance)
        for unit in 0..<units.count { taken[unit].append(taken[unit].last!) }
        let label = labelID(of: instance)
        for unit in units.ofLabel[Int(label)] { taken[Int(unit)][position + 1] += 1 }
    }

    /// Whether a lasso whose cycle runs from `loopStart` to the current position violates the
    /// instance: its conclusion holds nowhere from there on, and (leads-to) its premise holds at a
    /// position after the conclusion last held, or (eventually) the conclusion never held.
    private func violates(_ index: Int, loopStart: Int) -> Bool {
        let concluded = lastConclusion[index]
        guard concluded < loopStart else { return false }
        return instances[index].kind == .eventually ? concluded < 0 : lastPremise[index] > concluded
    }

    /// The fairness the cycle from position `start` to the current one satisfies, or nil when it
    /// is unfair (or passes a state whose steps a full network hid).
    private func fairness(from start: Int) -> [String]? {
        let end = position, length = Int32(end - start)
        guard overflowed[end] == overflowed[start] else { return nil }
        var takes: [String] = [], disables: [String] = []
        for unit in 0..<units.count {
            if taken[unit][end] > taken[unit][start] {
                takes.append(units.names[unit] + ": taken in the cycle")
                continue
            }
            let on = enabled[unit][end] - enabled[unit][start]
            switch units.kinds[unit] {
            case .weak: if on == length { return nil }
            case .strong: if on > 0 { return nil }
            }
            if on > 0 { disables.append(units.names[unit] + ": disabled in the cycle") }
        }
        return takes + disables
    }

    /// The label of an instance's steps, numbered on first sight; a new label may open new units,
    /// whose counts start at zero for the positions before.
    private func labelID(of instance: ActionInstance) -> Int32 {
        let label = StateGraph.Label(action: instance.action, process: instance.process, choice: instance.choice,
                                     sender: instance.sender)
        if let known = labelIDs[label] { return known }
        let id = Int32(labelIDs.count)
        labelIDs[label] = id
        units.append(label)
        while enabled.count < units.count {
            enabled.append(Array(repeating: 0, count: position + 1))
            taken.append(Array(repeating: 0, count: steps.count + 1))
            enabledHere.append(-1)
        }
        return id
    }

    /// The first position after `bound` where the run visited distinct state `id`; one exists.
    private func firstVisit(of id: Int, after bound: Int) -> Int {
        occurrences[id].withUnsafeBufferPointer { positions in
            var low = 0, high = positions.count - 1
            while low < high {
                let middle = (low + high) / 2
                if Int(positions[middle]) > bound { high = middle } else { low = middle + 1 }
            }
            return Int(positions[low])
        }
    }

    private func equal(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>) -> Bool {
        (0..<words).allSatisfy { a[$0] == b[$0] }
    }
}
