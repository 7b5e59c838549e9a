import Foundation
import Kripke

/// Exhaustive breadth-first search over packed states (TLC/Stateright style): visited states are
/// 64-bit fingerprints, each with a parent link and its position among the parent's successors;
/// the frontier holds packed words level by level (past a memory budget, in a temporary file); invariants are checked when a state is first reached, so the first violation found lies at
/// the smallest depth and its trace, rebuilt by re-executing actions, is a shortest counterexample.
///
/// ```swift
/// let ir = try spec.instantiate(["N": 3])
/// let result = try BreadthFirstSearch(ir).run()
/// print(result.statistics.states)
/// ```
public struct BreadthFirstSearch {
    public let ir: SpecIR
    public let options: SearchOptions

    public init(_ ir: SpecIR, options: SearchOptions = SearchOptions()) {
        self.ir = ir
        self.options = options
    }

    /// Runs the search. Throws `SpecError` if the spec cannot be compiled and `ModelFault` when a
    /// step hits a modelling error (with the run that reaches it).
    public func run() throws -> CheckResult {
        let system = try TransitionSystem(ir)
        var search = SearchRun(system: system, options: options)
        let result = try search.run()
        guard options.reducesPartialOrder(on: ir), case .violated(let found) = result.verdict else { return result }
        guard options.shortestCounterexample else {
            return CheckResult(verdict: result.verdict, statistics: result.statistics, counterexampleIsShortest: false)
        }
        // Every run of the reduced graph is a run of the full one, so a full search to this depth
        // finds a violation no longer than it.
        var exact = options
        exact.partialOrder = false
        exact.maxDepth = found.trace.length
        var shortest = SearchRun(system: system, options: exact)
        let rerun = try shortest.run()
        guard case .violated = rerun.verdict else {
            return CheckResult(verdict: result.verdict, statistics: result.statistics, counterexampleIsShortest: false)
        }
        return CheckResult(verdict: rerun.verdict, statistics: result.statistics, counterexampleIsShortest: true)
    }
}

/// The mutable state of one breadth-first search.
private struct SearchRun: ~Copyable {
    let system: TransitionSystem
    let options: SearchOptions
    let machine: Machine
    let fingerprinter: StateFingerprinter
    let words: Int
    let seen: ShardedFingerprintSet
    /// With partial-order reduction: the states first found in the level being built.
    var nextLevel = ShardedFingerprintSet()
    let relation: DependencyRelation?
    /// Whether partial-order reduction is still applied (it may stop: `reductionPaysOff`).
    var reducing = false
    /// Per stored state (by number): its parent, and which successor of the parent it is — its
    /// position in the parent's expansion — from which a trace is rebuilt by re-executing.
    var parents = ParentLog()
    var statistics = SearchStatistics()
    var expansions = 0
    let start = Date()
    var lastProgress = Date()
    var lastMemoryCheck = Date.distantPast

    init(system: TransitionSystem, options: SearchOptions) {
        self.system = system
        self.options = options
        machine = system.makeMachine()
        fingerprinter = StateFingerprinter(system: system, symmetry: options.symmetry)
        words = system.packer.wordCount
        seen = ShardedFingerprintSet(wordCount: options.exactStates ? words : 0)
        relation = options.reducesPartialOrder(on: system.ir) ? SearchRun.relation(for: system.ir) : nil
    }

    static func relation(for ir: SpecIR) -> DependencyRelation {
        DependencyRelation(ir, invariants: ir.invariants.map(\.condition))
    }

    mutating func run() throws -> CheckResult {
        let workerCount = max(options.workers, 1)
        let workers = try (0..<workerCount).map { index in
            // Each worker compiles the spec for itself (see `ExpansionWorker.init`); with
            // several, the search's own copy is left to the merge, which builds traces with it
            // while the workers expand the next chunk.
            let own = workerCount == 1 ? system : try TransitionSystem(system.ir)
            return ExpansionWorker(system: own, options: options,
                                   relation: index == 0 ? relation : relation.map { _ in SearchRun.relation(for: own.ir) })
        }
        // Chunks never straddle a frontier block, so they fall where they would in one array.
        let chunk = max(options.chunkStatesPerWorker, 1) * workers.count
        let batchCount = workers.count == 1 ? 1 : workers.count * max(options.batchesPerWorker, 1)
        let makeBatches = { [words, options, system] in
            (0..<batchCount).map { _ in
                ExpansionBatch(wordCount: words, exact: options.exactStates, actionCount: system.ir.actions.count,
                               states: chunk / batchCount)
            }
        }
        // Two sets: with several workers, one chunk is merged while the next is expanded.
        var batches = makeBatches(), merging = makeBatches()
        // With several workers, a chunk's merge waits for the next chunk, and one worker does it
        // while the others expand that chunk. (The insert, not the merge, tells the reduction's
        // proviso which states are new in this level.)
        let overlap = workers.count > 1
        let blockStates = chunk * max(options.frontierBlockChunks, 1)
        var frontier = FrontierQueue(words: words, blockStates: blockStates, residentLimit: options.frontierMemoryBytes)
        for (index, initial) in system.initialStates.enumerated() {
            initial.withUnsafeBufferPointer { machine.load($0.baseAddress!) }
            let fingerprint = fingerprinter.fingerprint(machine.state)
            guard record(initial: index, fingerprint: fingerprint, words: fingerprinter.words) else { continue }
            let id = UInt32(parents.count - 1)
            if let broken = system.violatedInvariant(machine) {
                return finish(.violated(violation(.invariant(system.ir.invariants[broken].name), at: id)))
            }
            if !system.withinConstraints(machine) {
                statistics.constrainedStates += 1
                continue
            }
            frontier.append(words: fingerprinter.words, id: id)
        }
        statistics.initialStates = parents.count
        statistics.coverage = system.ir.actions.map { ActionCoverage(name: $0.name) }
        if system.ir.network.lossy { statistics.coverage.append(ActionCoverage(name: "network: lose message")) }
        if relation != nil { statistics.partialOrder = PartialOrderStatistics() }
        reducing = relation != nil

        while !frontier.isEmpty {
            if reducing && !reductionPaysOff() {
                reducing = false
                statistics.partialOrder?.stoppedAtDepth = statistics.depth
            }
            if let maxDepth = options.maxDepth, statistics.depth >= maxDepth {
                return finish(.incomplete(reason: "depth limit reached (\(maxDepth) steps)"))
            }
            if reducing { nextLevel = ShardedFingerprintSet() }
            // With partial-order reduction: the frontier's positions, for the cycle proviso.
            // A `var`, so that taking its view borrows it: the workers read it through raw
            // pointers, so it must live to the end of the level.
            var levelIndex: LevelIndex?
            if reducing { levelIndex = positions(of: frontier) }
            let level = levelIndex?.view
            let storedBeforeLevel = parents.count
            var next = FrontierQueue(words: words, blockStates: blockStates, residentLimit: options.frontierMemoryBytes)
            var levelStart = 0
            // The chunk whose merge waits for the next chunk's expansion (`overlap`).
            var waiting: ArraySlice<UInt32>?
            for blockIndex in 0..<frontier.blockCount {
                let block = frontier.takeBlock(blockIndex)
                var offset = 0
                while offset < block.ids.count {
                    let range = offset..<min(offset + chunk, block.ids.count)
                    let visited = seen.view
                    let order = level.map { DiscoveryOrder(visited: visited, nextLevel: nextLevel.view, currentLevel: $0) }
                    var outcome: Result<Verdict?, any Error> = .success(nil)
                    block.words.withUnsafeBufferPointer {
                        ExpansionWorker.expand(workers, into: batches, frontier: $0.baseAddress!, firstPosition: levelStart,
                                               range: (levelStart + range.lowerBound)..<(levelStart + range.upperBound),
                                               visited: visited, order: order) {
                            if let parentIDs = waiting {
                                outcome = Result { try merge(merging, parentIDs: parentIDs, next: &next) }
                            }
                        }
                    }
                    if let verdict = try outcome.get() { return finish(verdict) }
                    seen.insert(batches, threads: workers.count, alsoNewInto: reducing ? nextLevel : nil)
                    if overlap {
                        waiting = block.ids[range]
                        swap(&batches, &merging)
                    } else if let verdict = try merge(batches, parentIDs: block.ids[range], next: &next) {
                        return finish(verdict)
                    }
                    offset = range.upperBound
                }
                levelStart += block.ids.count
            }
            if let parentIDs = waiting, let verdict = try merge(merging, parentIDs: parentIDs, next: &next) {
                return finish(verdict)
            }
            // A level of states outside the state constraints only is a level too (stored, not queued).
            if parents.count > storedBeforeLevel { statistics.depth += 1 }
            frontier = next
        }
        if statistics.overflows > 0 {
            return finish(.incomplete(reason: "the network capacity (\(system.ir.network.capacity)) was reached "
                + "\(statistics.overflows) times; those steps were not explored"))
        }
        return finish(.holds)
    }

    /// Takes the batches in frontier order, as a sequential search would: numbers the states
    /// found first (the visited set has marked them), queues them for the next level, and stops
    /// at the first violation (checked by the workers), fault or limit.
    private mutating func merge(_ batches: [ExpansionBatch], parentIDs: ArraySlice<UInt32>,
                                next: inout FrontierQueue) throws -> Verdict? {
        var parentIndex = parentIDs.startIndex
        for batch in batches {
            var successor = 0, candidate = 0
            for expanded in batch.expanded {
                let id = parentIDs[parentIndex]
                parentIndex += 1
                statistics.transitions += expanded.successors
                successor += expanded.successors
                var found: (kind: Violation.Kind, state: UInt32)?
                for _ in 0..<expanded.candidates {
                    defer { candidate += 1 }
                    // At the state limit no more states are stored, so the search stops at exactly that many.
                    guard found == nil, batch.isFirstFound(candidate), parents.count < options.maxStates ?? .max else { continue }
                    statistics.coverage[coverageIndex(of: batch.candidateActions[candidate])].newStates += 1
                    let child = UInt32(parents.count)
                    parents.append(parent: id, ordinal: batch.candidateOrdinals[candidate])
                    let broken = batch.candidateBroken[candidate]
                    if broken >= 0 {
                        found = (.invariant(system.ir.invariants[Int(broken)].name), child)
                    } else if broken == ExpansionBatch.outsideConstraints {
                        statistics.constrainedStates += 1
                    } else {
                        next.append(words: batch.candidateWords.base + candidate * words, id: child)
                    }
                }
                statistics.overflows += expanded.overflows
                if expanded.reduced { statistics.partialOrder?.reducedStates += 1 }
                if expanded.provisoExpanded { statistics.partialOrder?.provisoExpansions += 1 }
                statistics.partialOrder?.prunedTransitions += expanded.pruned
                if let verdict = try stop(after: expanded, state: id, found: found) {
                    // The statistics count the transitions of the states expanded so far.
                    for index in 0..<successor { statistics.coverage[coverageIndex(of: batch.actions[index])].transitions += 1 }
                    return verdict
                }
            }
            // The batch's rows are the coverage's (its last, message losses, stays 0 unless the network is lossy).
            for index in statistics.coverage.indices { statistics.coverage[index].transitions += batch.transitionsByAction[index] }
        }
        return nil
    }

    /// The verdict that ends the search once `expanded` (frontier state `state`) is merged, if any:
    /// a fault, a violation among its successors (`found`), a failed assertion, a deadlock or a limit.
    private mutating func stop(after expanded: ExpansionBatch.Expanded, state id: UInt32,
                               found: (kind: Violation.Kind, state: UInt32)?) throws -> Verdict? {
        if let fault = expanded.fault { throw faultError(fault.message, instance: fault.instance, at: id) }
        if let found { return .violated(violation(found.kind, at: found.state)) }
        if let failed = expanded.failedAssertion { return .violated(assertionViolation(failed.assertion, from: id)) }
        if expanded.deadlock { return .violated(violation(.deadlock, at: id)) }
        if let reason = limitReached() { return .incomplete(reason: reason) }
        return nil
    }

    /// The coverage row of an action (a message loss, -1, is the last row).
    private func coverageIndex(of action: Int32) -> Int {
        action < 0 ? statistics.coverage.count - 1 : Int(action)
    }

    /// The level's frontier positions by fingerprint, read in one pass over its blocks.
    private func positions(of frontier: borrowing FrontierQueue) -> LevelIndex {
        var fingerprints: [UInt64] = []
        fingerprints.reserveCapacity(frontier.count)
        for blockIndex in 0..<frontier.blockCount {
            let block = frontier.block(blockIndex)
            block.words.withUnsafeBufferPointer { packed in
                for index in block.ids.indices {
                    fingerprints.append(system.packer.fingerprint(packed.baseAddress! + index * words))
                }
            }
        }
        return LevelIndex(fingerprints: fingerprints, count: fingerprints.count)
    }

    /// Whether partial-order reduction should go on (checked between levels, so the decision is
    /// the same for any number of workers). Expanding a state fully is always sound, so stopping
    /// the reduction keeps every guarantee; it stops when, after `adaptiveMinimumStates` states,
    /// it has left out under `adaptiveMinimumPruning` of the transitions — then its bookkeeping
    /// costs more than it saves (Ricart–Agrawala N=4: 8 % fewer states for several times the time).
    private func reductionPaysOff() -> Bool {
        guard options.adaptivePartialOrder, let por = statistics.partialOrder,
              parents.count >= SearchOptions.adaptiveMinimumStates else { return true }
        let considered = statistics.transitions + por.prunedTransitions
        return Double(por.prunedTransitions) >= SearchOptions.adaptiveMinimumPruning * Double(max(considered, 1))
    }

    /// Stores initial state number `initial` (with no parent; its ordinal says which initial
    /// state it is) unless an earlier one had the same fingerprint; whether it was new.
    private mutating func record(initial: Int, fingerprint: UInt64, words: UnsafePointer<UInt64>) -> Bool {
        guard seen.insert(fingerprint, words: options.exactStates ? words : nil) else { return false }
        parents.append(parent: ParentLog.root, ordinal: UInt32(initial))
        return true
    }

    private mutating func limitReached() -> String? {
        statistics.states = parents.count
        if let maxStates = options.maxStates, statistics.states >= maxStates {
            return "state limit reached (\(maxStates) states)"
        }
        expansions += 1
        guard expansions & 0xFF == 0 else { return nil }
        if options.shouldStop?() == true { return "interrupted" }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        if let maxSeconds = options.maxSeconds, elapsed >= maxSeconds {
            return "time limit reached (\(formatSeconds(maxSeconds)) s)"
        }
        // Resident memory at most every 50 ms: its growth in that time is within the limit's margin.
        if let maxMemory = options.maxMemoryBytes, now.timeIntervalSince(lastMemoryCheck) >= 0.05 {
            lastMemoryCheck = now
            if let resident = ResidentMemory.current(), resident >= maxMemory {
                return "memory limit reached (\(maxMemory / 1_048_576) MiB resident)"
            }
        }
        if let progress = options.progress, now.timeIntervalSince(lastProgress) >= 1 {
            lastProgress = now
            statistics.seconds = elapsed
            progress(statistics)
        }
        return nil
    }

    /// Bytes of the visited table and of the parent log's part in memory, per stored state.
    private func bytesPerState() -> Double {
        Double(seen.byteCount + parents.residentBytes) / Double(max(parents.count, 1))
    }

    private mutating func finish(_ verdict: Verdict) -> CheckResult {
        statistics.states = parents.count
        statistics.seconds = Date().timeIntervalSince(start)
        statistics.bytesPerState = bytesPerState()
        statistics.peakMemoryBytes = ResidentMemory.peak() ?? 0
        // The violating state is as deep as its trace is long (a successor of the level being
        // expanded is one deeper than the levels finished).
        if case .violated(let violation) = verdict { statistics.depth = max(statistics.depth, violation.trace.length) }
        return CheckResult(verdict: verdict, statistics: statistics)
    }

    /// The fingerprints of the states from an initial one to `state`, found by re-executing:
    /// from each state on the path (in the canonical form the search expanded), the successor
    /// at the stored position of the next.
    private func path(to state: UInt32) -> [UInt64] {
        var chain: [UInt32] = []
        var current = state
        while current != ParentLog.root {
            chain.append(current)
            current = parents.record(current).parent
        }
        let replay = system.makeMachine()
        let fingerprinter = StateFingerprinter(system: system, symmetry: options.symmetry)
        let root = chain.last!
        var unpacked = system.initialStates[Int(parents.record(root).ordinal)]
        var path = [fingerprinter.fingerprint(unpacked)]
        var packed = Array(UnsafeBufferPointer(start: fingerprinter.words, count: words))
        for (step, id) in chain.reversed().enumerated().dropFirst() {
            let target = Int(parents.record(id).ordinal)
            packed.withUnsafeBufferPointer { words in
                unpacked.withUnsafeMutableBufferPointer { system.packer.unpack(words.baseAddress!, into: $0.baseAddress!) }
            }
            var position = 0
            unpacked.withUnsafeBufferPointer { source in
                _ = system.forEachSuccessor(of: source.baseAddress!, machine: replay) { _ in
                    if position == target {
                        path.append(fingerprinter.fingerprint(replay.state))
                        packed = Array(UnsafeBufferPointer(start: fingerprinter.words, count: words))
                    }
                    position += 1
                }
            }
            precondition(path.count == step + 1, "trace reconstruction lost the path: the successor relation is not deterministic")
        }
        return path
    }

    private func violation(_ kind: Violation.Kind, at state: UInt32) -> Violation {
        Violation(kind: kind, trace: TraceBuilder(system: system, symmetry: options.symmetry).trace(through: path(to: state)))
    }

    /// The run to `state`, then the first of its steps that fails `assertion` (a real run: with
    /// symmetry, the state the trace reaches may be another member of the orbit the search
    /// expanded, whose failing step then acts for a permuted process).
    private func assertionViolation(_ assertion: Int, from state: UInt32) -> Violation {
        let builder = TraceBuilder(system: system, symmetry: options.symmetry)
        return Violation(kind: .assertion(system.ir.assertions[assertion].message),
                         trace: builder.trace(through: path(to: state), thenFailing: assertion))
    }

    private func faultError(_ message: String, instance: ActionInstance, at state: UInt32) -> ModelFault {
        let builder = TraceBuilder(system: system, symmetry: options.symmetry)
        let trace = builder.trace(through: path(to: state))
        return ModelFault(message: message, action: builder.step(for: instance).description, trace: trace)
    }
}

private func formatSeconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
