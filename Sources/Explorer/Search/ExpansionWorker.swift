import Dispatch
import Kripke

/// Expands a slice of the BFS frontier: computes every successor's (canonical) packed form and
/// fingerprint, and per expanded state whether it deadlocks, overflows or faults. Successors
/// already visited before the chunk began are only counted; the others — the *candidates* — are
/// kept with their packed words and checked against the invariants here, in parallel. Workers
/// run on disjoint slices; the visited set's shards then mark which candidates are found first
/// (`ShardedFingerprintSet.insert(_:threads:)`), and the search numbers the new states in
/// frontier order, so the result — states, numbering, counterexamples — is the same for any
/// number of workers.
///
/// ```swift
/// let workers = (0..<2).map { _ in ExpansionWorker(system: system, options: options) }
/// ExpansionWorker.expand(workers, frontier: pointer, firstPosition: 0, range: 0..<count, visited: seen.view, order: nil)
/// ```
final class ExpansionWorker: @unchecked Sendable {   // each worker is used by one thread at a time
    private let leadingPadding = CacheLinePadding()
    /// What expanding one frontier state produced.
    struct Expanded {
        var successors = 0
        /// How many of the successors are candidates (not visited when the chunk began).
        var candidates = 0
        var overflows = 0
        var deadlock = false
        var fault: (message: String, instance: ActionInstance)?
        /// The first of its steps that failed an assertion (index in `SpecIR.assertions`).
        var failedAssertion: (assertion: Int, instance: ActionInstance)?
        /// Partial-order reduction explored a proper subset of the enabled steps.
        var reduced = false
        /// A reduced set was found but the cycle proviso made the state expand fully.
        var provisoExpanded = false
        /// Successors left out by the reduction.
        var pruned = 0
    }

    let system: TransitionSystem
    private let machine: Machine
    private let fingerprinter: StateFingerprinter
    private let unpacked: UnsafeMutablePointer<Int>
    private let checkDeadlock: Bool
    private let wordCount: Int
    /// The action (index into the spec's actions, or -1 for a message loss) of each successor,
    /// in generation order.
    @exclusivity(unchecked) private(set) var actions: [Int32] = []
    /// One entry per expanded state, in frontier order.
    @exclusivity(unchecked) private(set) var expanded: [Expanded] = []
    /// The candidates, in generation order: fingerprint, packed words, action, and the first
    /// invariant the state violates (-1: none; `outsideConstraints`: none, but the state is
    /// outside the state constraints, so it is not to be expanded).
    @exclusivity(unchecked) private(set) var candidateFingerprints: [UInt64] = []
    @exclusivity(unchecked) private(set) var candidateWords: [UInt64] = []
    @exclusivity(unchecked) private(set) var candidateActions: [Int32] = []
    @exclusivity(unchecked) private(set) var candidateBroken: [Int32] = []
    /// Per candidate: its position among its parent's successors (the order `forEachSuccessor`
    /// gives them in), from which a trace is rebuilt.
    @exclusivity(unchecked) private(set) var candidateOrdinals: [UInt32] = []
    /// Per candidate: whether it is the first visit of its state (set by the visited set's insert).
    private(set) var firstFound: UnsafeMutablePointer<Bool>
    private var firstFoundCapacity = 0
    /// The candidates ordered by shard (stably), and where each shard's run starts.
    private var byShard: [Int32] = []
    private var shardStarts = [Int](repeating: 0, count: ShardedFingerprintSet.shardCount + 1)
    /// The visited set as the chunk began.
    @exclusivity(unchecked) private var visited: ShardedFingerprintView?
    /// This batch's candidates, to keep out duplicates.
    @exclusivity(unchecked) private var batchFingerprints: FingerprintSet
    /// Whether states are told apart by their words, not only their fingerprints.
    private let exact: Bool

    private let reduction: StubbornSets?
    /// Successors of the state being expanded, before the reduction picks some: unpacked
    /// states, their transition groups and actions; and the groups whose sends overflowed.
    private var pendingStates: [Int] = []
    private var pendingGroups: [Int32] = []
    private var pendingActions: [Int32] = []
    private var overflowGroups: [Int32] = []
    private var enabledGroups: [Int32] = []
    private var groupStamp: [UInt32] = []
    private var stampValue: UInt32 = 0
    /// The successors a reduced set keeps, while the proviso checks them: their index among
    /// the pending ones, fingerprints and packed words.
    private var keptIndices: [Int] = []
    private var keptFingerprints: [UInt64] = []
    private var keptWords: [UInt64] = []
    /// The search's visitor, and what reads the frames it is shown.
    private let visitor: (any SearchVisitor)?
    private let frames: StateDecoder?
    private let trailingPadding = CacheLinePadding()

    /// Give each worker its own `system` (and `relation`): workers sharing one would contend
    /// for the reference counts of its compiled closures on every step, which on 16 cores
    /// costs more than the search itself.
    init(system: TransitionSystem, options: SearchOptions, relation: DependencyRelation? = nil) {
        self.system = system
        reduction = relation.map { StubbornSets(relation: $0, system: system) }
        groupStamp = Array(repeating: 0, count: relation?.groups.count ?? 0)
        machine = system.makeMachine()
        fingerprinter = StateFingerprinter(system: system, symmetry: options.symmetry)
        unpacked = WorkerMemory.allocate(count: system.layout.slotCount, initializedTo: 0)
        checkDeadlock = options.checkDeadlock
        wordCount = system.packer.wordCount
        exact = options.exactStates
        batchFingerprints = FingerprintSet(initialCapacity: 1 << 14, wordCount: exact ? wordCount : 0)
        firstFound = .allocate(capacity: 0)
        visitor = options.visitor
        frames = options.visitor == nil ? nil : StateDecoder(system: system)
    }

    deinit {
        WorkerMemory.deallocate(unpacked)
        firstFound.deallocate()
    }

    var candidateCount: Int { candidateFingerprints.count }

    func candidateFingerprint(_ candidate: Int) -> UInt64 { candidateFingerprints[candidate] }

    /// Calls `body` with a function giving each candidate's packed words when the visited set
    /// is exact, and nil otherwise.
    func withCandidateWords(_ body: ((Int) -> UnsafePointer<UInt64>?) -> Void) {
        guard exact else { return body { _ in nil } }
        candidateWords.withUnsafeBufferPointer { words in
            let base = words.baseAddress!, count = wordCount
            body { base + $0 * count }
        }
    }

    /// Calls `body` with each candidate of `shard` (index and fingerprint), in candidate order.
    func forEachCandidate(inShard shard: Int, _ body: (Int, UInt64) -> Void) {
        for position in shardStarts[shard]..<shardStarts[shard + 1] {
            let candidate = Int(byShard[position])
            body(candidate, candidateFingerprints[candidate])
        }
    }

    /// Expands the frontier states at `range` (positions in the level; `frontier` points at the
    /// packed words of the state at `firstPosition`); successors in `visited` are only counted.
    /// With partial-order reduction, `order` tells which states were found before which.
    /// `sortByShard` prepares a parallel insert.
    func expand(_ frontier: UnsafePointer<UInt64>, firstPosition: Int, _ range: Range<Int>, visited: ShardedFingerprintView,
                order: DiscoveryOrder?, sortByShard: Bool) {
        actions.removeAll(keepingCapacity: true)
        expanded.removeAll(keepingCapacity: true)
        candidateFingerprints.removeAll(keepingCapacity: true)
        candidateWords.removeAll(keepingCapacity: true)
        candidateActions.removeAll(keepingCapacity: true)
        candidateBroken.removeAll(keepingCapacity: true)
        candidateOrdinals.removeAll(keepingCapacity: true)
        batchFingerprints.removeAll()
        self.visited = visited
        defer {
            self.visited = nil
            reserveFirstFound()
            if sortByShard { sortCandidatesByShard() }
        }
        for position in range {
            system.packer.unpack(frontier + (position - firstPosition) * wordCount, into: unpacked)
            if let visitor, let frames { visitor.visit(frames.frame(unpacked)) }
            var record = Expanded()
            let firstCandidate = candidateCount
            let expansion: TransitionSystem.Expansion
            if let reduction, let order {
                expansion = expandReduced(reduction, order: order, position: position, into: &record)
            } else {
                expansion = system.forEachSuccessor(of: unpacked, machine: machine) { instance in
                    append(machine.state, action: instance.action, ordinal: record.successors)
                    record.successors += 1
                }
                record.overflows = expansion.overflows
            }
            record.fault = expansion.fault
            record.failedAssertion = expansion.failedAssertion
            record.candidates = candidateCount - firstCandidate
            checkInvariants(from: firstCandidate)
            if checkDeadlock && expansion.enabled == 0 && expansion.overflows == 0 && expansion.fault == nil {
                machine.load(unpacked)
                record.deadlock = !system.isValidEnd(machine)
            }
            expanded.append(record)
            if record.fault != nil || record.failedAssertion != nil { return }
        }
    }

    /// Fingerprints a successor (the `ordinal`-th of its parent) and adds it to the batch.
    private func append(_ state: UnsafePointer<Int>, action: Int, ordinal: Int) {
        add(fingerprinter.fingerprint(state), words: fingerprinter.words, action: action, ordinal: ordinal)
    }

    /// Adds a fingerprinted successor to the batch: as a candidate unless it was visited before
    /// the chunk began or is already a candidate of this batch (an earlier one in frontier
    /// order, so this one cannot be the state's first visit).
    private func add(_ fingerprint: UInt64, words: UnsafePointer<UInt64>, action: Int, ordinal: Int) {
        actions.append(Int32(action))
        let exactWords = exact ? words : nil
        guard visited?.contains(fingerprint, words: exactWords) != true,
              batchFingerprints.insert(fingerprint, words: exactWords) else { return }
        candidateFingerprints.append(fingerprint)
        candidateActions.append(Int32(action))
        candidateOrdinals.append(UInt32(ordinal))
        candidateWords.append(contentsOf: UnsafeBufferPointer(start: words, count: wordCount))
    }

    /// Checks the candidates from `first` on against the invariants, on their canonical form
    /// (the state the search stores).
    private func checkInvariants(from first: Int) {
        candidateWords.withUnsafeBufferPointer { words in
            for candidate in first..<candidateCount {
                system.packer.unpack(words.baseAddress! + candidate * wordCount, into: machine.state)
                let broken = system.violatedInvariant(machine).map(Int32.init)
                    ?? (system.constrained && !system.withinConstraints(machine) ? Self.outsideConstraints : -1)
                candidateBroken.append(broken)
            }
        }
    }

    /// `candidateBroken`'s mark of a state that breaks no invariant but lies outside the state constraints.
    static let outsideConstraints: Int32 = -2

    private func reserveFirstFound() {
        guard candidateCount > firstFoundCapacity else { return }
        firstFound.deallocate()
        firstFoundCapacity = max(candidateCount, 2 * firstFoundCapacity)
        firstFound = .allocate(capacity: firstFoundCapacity)
    }

    /// Orders the candidates by shard, stably (a counting sort), for `forEachCandidate(inShard:)`.
    private func sortCandidatesByShard() {
        for shard in shardStarts.indices { shardStarts[shard] = 0 }
        for fingerprint in candidateFingerprints { shardStarts[ShardedFingerprintSet.shard(of: fingerprint) + 1] += 1 }
        for shard in 1..<shardStarts.count { shardStarts[shard] += shardStarts[shard - 1] }
        byShard = Array(repeating: 0, count: candidateCount)
        var next = shardStarts
        for (candidate, fingerprint) in candidateFingerprints.enumerated() {
            let shard = ShardedFingerprintSet.shard(of: fingerprint)
            byShard[next[shard]] = Int32(candidate)
            next[shard] += 1
        }
    }

    /// Expands the unpacked state with partial-order reduction: computes every successor, lets
    /// the stubborn sets choose which groups to keep, and applies the cycle proviso when the set
    /// relies on visibility (`StubbornSets.needsProviso`; a set holding an up-set needs none) —
    /// if a kept successor is this state or was found before it (`DiscoveryOrder`), every
    /// successor is kept.
    ///
    /// Why this proviso is sound for breadth-first search: states are found in a total order
    /// (level by level, and in frontier order within a level), and a state expanded with a reduced
    /// set sends each kept edge to a state found after it. Along any cycle (a self-loop included) of the reduced graph
    /// that order cannot rise on every edge, so some state on it has an edge to a state found
    /// before it and was expanded fully. Every cycle thus holds a fully expanded state, which is the condition (C3) under which ample/stubborn sets preserve every
    /// reachable invariant violation (Clarke, Grumberg, Peled, *Model Checking*, §10.5;
    /// Bošnački, Leue, Lluch-Lafuente, "Partial-order reduction for general state exploring
    /// algorithms", SPIN 2006). With symmetry reduction the same holds on the quotient graph,
    /// since the sets are computed on the representative that is expanded.
    private func expandReduced(_ reduction: StubbornSets, order: DiscoveryOrder, position: Int,
                               into record: inout Expanded) -> TransitionSystem.Expansion {
        let slots = system.layout.slotCount
        pendingStates.removeAll(keepingCapacity: true)
        pendingGroups.removeAll(keepingCapacity: true)
        pendingActions.removeAll(keepingCapacity: true)
        overflowGroups.removeAll(keepingCapacity: true)
        let relation = reduction.relation
        let expansion = system.forEachSuccessor(of: unpacked, machine: machine, overflow: { [self] instance in
            overflowGroups.append(Int32(relation.group(of: instance)))
        }) { instance in
            pendingStates.append(contentsOf: UnsafeBufferPointer(start: machine.state, count: slots))
            pendingGroups.append(Int32(relation.group(of: instance)))
            pendingActions.append(Int32(instance.action))
        }
        let count = pendingGroups.count
        record.overflows = expansion.overflows
        if expansion.fault == nil && expansion.failedAssertion == nil && choose(reduction) {
            let keep = nextStamp()
            for group in reduction.chosen { groupStamp[Int(group)] = keep }
            // The kept successors are fingerprinted first and added only once the proviso has
            // passed them all: a batch's candidates are never taken back.
            keptIndices.removeAll(keepingCapacity: true)
            keptFingerprints.removeAll(keepingCapacity: true)
            keptWords.removeAll(keepingCapacity: true)
            for index in 0..<count where groupStamp[Int(pendingGroups[index])] == keep {
                let fingerprint = pendingStates.withUnsafeBufferPointer { fingerprinter.fingerprint($0.baseAddress! + index * slots) }
                if reduction.needsProviso && order.foundBefore(fingerprint, position: position) {
                    record.provisoExpanded = true
                    break
                }
                keptIndices.append(index)
                keptFingerprints.append(fingerprint)
                keptWords.append(contentsOf: UnsafeBufferPointer(start: fingerprinter.words, count: wordCount))
            }
            if !record.provisoExpanded {
                keptWords.withUnsafeBufferPointer { words in
                    for (kept, index) in keptIndices.enumerated() {
                        add(keptFingerprints[kept], words: words.baseAddress! + kept * wordCount,
                            action: Int(pendingActions[index]), ordinal: index)
                    }
                }
                record.reduced = true
                record.successors = keptIndices.count
                record.pruned = count - keptIndices.count
                record.overflows = overflowGroups.count { groupStamp[Int($0)] == keep }
                return expansion
            }
        }
        pendingStates.withUnsafeBufferPointer { states in
            for index in 0..<count {
                append(states.baseAddress! + index * slots, action: Int(pendingActions[index]), ordinal: index)
            }
        }
        record.successors = count
        return expansion
    }

    /// Runs the stubborn-set choice over the distinct enabled groups (overflowing ones count as
    /// enabled: they are steps of the unbounded system).
    private func choose(_ reduction: StubbornSets) -> Bool {
        let distinct = nextStamp()
        enabledGroups.removeAll(keepingCapacity: true)
        for group in pendingGroups where groupStamp[Int(group)] != distinct {
            groupStamp[Int(group)] = distinct
            enabledGroups.append(group)
        }
        for group in overflowGroups where groupStamp[Int(group)] != distinct {
            groupStamp[Int(group)] = distinct
            enabledGroups.append(group)
        }
        return reduction.choose(enabled: enabledGroups, state: unpacked)
    }

    private func nextStamp() -> UInt32 {
        stampValue &+= 1
        if stampValue == 0 {
            for index in groupStamp.indices { groupStamp[index] = 0 }
            stampValue = 1
        }
        return stampValue
    }

    /// Splits `range` into one contiguous slice per worker and expands the slices in parallel.
    static func expand(_ workers: [ExpansionWorker], frontier: UnsafePointer<UInt64>, firstPosition: Int, range: Range<Int>,
                       visited: ShardedFingerprintView, order: DiscoveryOrder?) {
        let slices = slice(range, into: workers.count)
        if workers.count == 1 {
            workers[0].expand(frontier, firstPosition: firstPosition, slices[0], visited: visited, order: order, sortByShard: false)
            return
        }
        let shared = SharedFrontier(pointer: frontier)
        DispatchQueue.concurrentPerform(iterations: workers.count) { index in
            workers[index].expand(shared.pointer, firstPosition: firstPosition, slices[index], visited: visited, order: order, sortByShard: true)
        }
    }

    static func slice(_ range: Range<Int>, into parts: Int) -> [Range<Int>] {
        let size = (range.count + parts - 1) / max(parts, 1)
        return (0..<parts).map { part in
            let lower = min(range.upperBound, range.lowerBound + part * size)
            return lower..<min(range.upperBound, lower + size)
        }
    }
}

/// The frontier's packed words, read (never written) by all workers during one parallel phase.
private struct SharedFrontier: @unchecked Sendable {
    let pointer: UnsafePointer<UInt64>
}
