import Dispatch
import Kripke
import Synchronization

/// Expands pieces of the BFS frontier into `ExpansionBatch`es: computes every successor's
/// (canonical) packed form and fingerprint, and per expanded state whether it deadlocks,
/// overflows or faults; checks the candidates against the invariants here, in parallel. The
/// visited set's shards then mark which candidates are found first
/// (`ShardedFingerprintSet.insert(_:threads:)`), and the search numbers the new states in
/// frontier order, so the result — states, numbering, counterexamples — is the same for any
/// number of workers.
///
/// ```swift
/// let workers = (0..<2).map { _ in ExpansionWorker(system: system, options: options) }
/// let batches = (0..<8).map { _ in ExpansionBatch(wordCount: words, exact: false, actionCount: actions) }
/// ExpansionWorker.expand(workers, into: batches, frontier: pointer, firstPosition: 0, range: 0..<count, visited: seen.view, order: nil)
/// ```
final class ExpansionWorker: @unchecked Sendable {   // each worker is used by one thread at a time
    private let leadingPadding = CacheLinePadding()
    let system: TransitionSystem
    private let machine: Machine
    private let fingerprinter: StateFingerprinter
    private let unpacked: UnsafeMutablePointer<Int>
    private let checkDeadlock: Bool
    private let wordCount: Int
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
    /// The successors of the state being expanded, fingerprinted and not yet added; and those of
    /// the state before it, whose home slots in the visited table were prefetched when it was
    /// expanded and which are added — probed — once this one is, so the probes seldom wait for memory.
    @exclusivity(unchecked) private var queued = SuccessorQueue()
    @exclusivity(unchecked) private var waiting = SuccessorQueue()
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
        visitor = options.visitor
        frames = options.visitor == nil ? nil : StateDecoder(system: system)
    }

    deinit {
        WorkerMemory.deallocate(unpacked)
    }

    /// Expands the frontier states at `range` (positions in the level; `frontier` points at the
    /// packed words of the state at `firstPosition`) into `batch`; successors in `visited` are
    /// only counted. With partial-order reduction, `order` tells which states were found before
    /// which. `sortByShard` prepares a parallel insert.
    func expand(_ frontier: UnsafePointer<UInt64>, firstPosition: Int, _ range: Range<Int>, visited: ShardedFingerprintView,
                order: DiscoveryOrder?, into batch: ExpansionBatch, sortByShard: Bool) {
        batch.removeAll()
        defer { batch.seal(sortByShard: sortByShard) }
        // Without the reduction, a state's successors are added one state late: their home slots
        // in the visited table, prefetched back to back, load while the next state expands (the
        // misses overlap). The order of the candidates, and so everything the search reports,
        // stays that of adding them at once.
        var waitingState: Int?   // the index in `batch.expanded` of the state whose successors `waiting` holds
        let reducing = reduction != nil && order != nil
        for position in range {
            system.packer.unpack(frontier + (position - firstPosition) * wordCount, into: unpacked)
            if let visitor, let frames { visitor.visit(frames.frame(unpacked)) }
            var record = ExpansionBatch.Expanded()
            let firstCandidate = batch.candidateCount
            let expansion: TransitionSystem.Expansion
            if let reduction, let order {
                expansion = expandReduced(reduction, order: order, position: position, record: &record, into: batch, visited: visited)
            } else {
                expansion = system.forEachSuccessor(of: unpacked, machine: machine) { instance in
                    queue(machine.state, action: instance.action)
                }
                record.successors = queued.fingerprints.count
                record.overflows = expansion.overflows
                for index in queued.fingerprints.indices { visited.prefetch(queued.fingerprints[index]) }
            }
            record.fault = expansion.fault
            record.failedAssertion = expansion.failedAssertion
            if checkDeadlock && expansion.enabled == 0 && expansion.overflows == 0 && expansion.fault == nil {
                machine.load(unpacked)
                record.deadlock = !system.isValidEnd(machine)
            }
            batch.expanded.append(record)
            if reducing {
                finish(batch.expanded.count - 1, firstCandidate: firstCandidate, in: batch)
            } else {
                if let waitingState { addWaiting(of: waitingState, into: batch, visited: visited) }
                swap(&queued, &waiting)
                waitingState = batch.expanded.count - 1
            }
            if record.fault != nil || record.failedAssertion != nil { break }
        }
        if let waitingState { addWaiting(of: waitingState, into: batch, visited: visited) }
    }

    /// Completes the record of expanded state `index`: counts its candidates (those from
    /// `firstCandidate` on) and checks their invariants.
    private func finish(_ index: Int, firstCandidate: Int, in batch: ExpansionBatch) {
        batch.expanded[index].candidates = batch.candidateCount - firstCandidate
        checkInvariants(batch, from: firstCandidate)
    }

    /// Adds the successors of expanded state `index`, held by `waiting`, to the batch, and
    /// completes its record.
    private func addWaiting(of index: Int, into batch: ExpansionBatch, visited: ShardedFingerprintView) {
        let firstCandidate = batch.candidateCount
        add(&waiting, into: batch, visited: visited)
        finish(index, firstCandidate: firstCandidate, in: batch)
    }

    /// Fingerprints a successor and appends it to `queued`.
    private func queue(_ state: UnsafePointer<Int>, action: Int) {
        queued.fingerprints.append(fingerprinter.fingerprint(state))
        queued.words.append(contentsOf: fingerprinter.words, count: wordCount)
        queued.actions.append(Int32(action))
    }

    /// Adds a queue's successors — all those of one parent, in generation order, so each one's
    /// ordinal is its place in the queue — to the batch, and empties the queue. (The batch is
    /// passed in, not kept in a property: reading a property would retain and release it on
    /// every successor.)
    private func add(_ queue: inout SuccessorQueue, into batch: ExpansionBatch, visited: ShardedFingerprintView) {
        let words = queue.words.base
        for index in queue.fingerprints.indices {
            batch.add(queue.fingerprints[index], words: words + index * wordCount,
                      action: Int(queue.actions[index]), ordinal: index, visited: visited)
        }
        queue.removeAll()
    }

    /// Checks the candidates from `first` on against the invariants, on their canonical form
    /// (the state the search stores).
    private func checkInvariants(_ batch: ExpansionBatch, from first: Int) {
        guard system.checksStates else { return batch.markCandidates(from: first) { _ in -1 } }
        batch.markCandidates(from: first) { words in
            system.packer.unpack(words, into: machine.state)
            return system.violatedInvariant(machine).map(Int32.init)
                ?? (system.constrained && !system.withinConstraints(machine) ? ExpansionBatch.outsideConstraints : -1)
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
    private func expandReduced(_ reduction: StubbornSets, order: DiscoveryOrder, position: Int, record: inout ExpansionBatch.Expanded,
                               into batch: ExpansionBatch, visited: ShardedFingerprintView) -> TransitionSystem.Expansion {
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
                        batch.add(keptFingerprints[kept], words: words.baseAddress! + kept * wordCount,
                                  action: Int(pendingActions[index]), ordinal: index, visited: visited)
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
            for index in 0..<count { queue(states.baseAddress! + index * slots, action: Int(pendingActions[index])) }
        }
        add(&queued, into: batch, visited: visited)
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

    /// Splits `range` into one contiguous piece per batch and expands the pieces in parallel:
    /// each worker takes the next piece not yet taken, so the workers finish together even when
    /// some pieces take longer than others. One worker first runs `alongside` (the merge of the
    /// chunk before), which the others need not wait for.
    static func expand(_ workers: [ExpansionWorker], into batches: [ExpansionBatch], frontier: UnsafePointer<UInt64>,
                       firstPosition: Int, range: Range<Int>, visited: ShardedFingerprintView, order: DiscoveryOrder?,
                       alongside: () -> Void = {}) {
        let pieces = slice(range, into: batches.count)
        if workers.count == 1 {
            alongside()
            for (piece, batch) in zip(pieces, batches) {
                workers[0].expand(frontier, firstPosition: firstPosition, piece, visited: visited, order: order,
                                  into: batch, sortByShard: false)
            }
            return
        }
        let shared = SharedFrontier(pointer: frontier)
        let nextPiece = Atomic<Int>(0)
        withoutActuallyEscaping(alongside) { alongside in
            let first = FirstTask(run: alongside)
            DispatchQueue.concurrentPerform(iterations: workers.count) { index in
                if index == 0 { first.run() }
                while true {
                    let piece = nextPiece.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard piece < pieces.count else { return }
                    workers[index].expand(shared.pointer, firstPosition: firstPosition, pieces[piece], visited: visited,
                                          order: order, into: batches[piece], sortByShard: true)
                }
            }
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

/// The task one worker runs before it takes pieces: the merge of the chunk before, which touches
/// nothing the workers do (the search's numbering, its next frontier, its statistics).
private struct FirstTask: @unchecked Sendable {
    let run: () -> Void
}

/// One parent's successors, fingerprinted and waiting to be added to a batch, in generation
/// order: fingerprints, packed words (`wordCount` per successor) and actions.
///
/// ```swift
/// var queue = SuccessorQueue()
/// queue.fingerprints.append(fp); queue.words.append(contentsOf: packed, count: 2); queue.actions.append(action)
/// queue.removeAll()   // keeps the capacity
/// ```
private struct SuccessorQueue: ~Copyable {
    var fingerprints = AppendBuffer<UInt64>()
    var words = AppendBuffer<UInt64>()
    var actions = AppendBuffer<Int32>()

    mutating func removeAll() {
        fingerprints.removeAll()
        words.removeAll()
        actions.removeAll()
    }
}

/// The frontier's packed words, read (never written) by all workers during one parallel phase.
private struct SharedFrontier: @unchecked Sendable {
    let pointer: UnsafePointer<UInt64>
}
