/// What expanding one piece of a frontier chunk produced: per expanded state an `Expanded`
/// record, the action of every successor, and the *candidates* — successors not visited when
/// the chunk began and not already candidates of this batch — with their fingerprints, packed
/// words, actions, positions among their parent's successors and the invariant each breaks.
/// A chunk is cut into more batches than there are workers, and idle workers take the next
/// batch, so a slow piece does not hold the others up; batches are then inserted and merged in
/// chunk order, so which worker filled a batch changes nothing. Its properties skip the
/// runtime's exclusivity checks: only one thread at a time touches a batch, and the checks cost
/// more than the work on the hot paths that read them.
///
/// ```swift
/// let batch = ExpansionBatch(wordCount: 2, exact: false, actionCount: 3, states: 256)
/// worker.expand(frontier, firstPosition: 0, 0..<256, visited: seen.view, order: nil, into: batch, sortByShard: false)
/// batch.candidateCount   // successors to insert into the visited set
/// ```
final class ExpansionBatch: @unchecked Sendable {   // filled by one thread, then read by the search
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

    let wordCount: Int
    /// Whether states are told apart by their words, not only their fingerprints.
    let exact: Bool
    /// The action (index into the spec's actions, or -1 for a message loss) of each successor,
    /// in generation order.
    @exclusivity(unchecked) private(set) var actions = AppendBuffer<Int32>()
    /// Successors per action over the whole batch (a message loss counts last), so that the
    /// merge adds them up once per batch, not once per successor.
    @exclusivity(unchecked) private(set) var transitionsByAction: [Int]
    /// One entry per expanded state, in frontier order.
    @exclusivity(unchecked) var expanded: [Expanded] = []
    /// The candidates, in generation order: fingerprint, packed words, action, and the first
    /// invariant the state violates (-1: none; `outsideConstraints`: none, but the state is
    /// outside the state constraints, so it is not to be expanded).
    @exclusivity(unchecked) private(set) var candidateFingerprints = AppendBuffer<UInt64>()
    @exclusivity(unchecked) private(set) var candidateWords = AppendBuffer<UInt64>()
    @exclusivity(unchecked) private(set) var candidateActions = AppendBuffer<Int32>()
    @exclusivity(unchecked) private(set) var candidateBroken = AppendBuffer<Int32>()
    /// Per candidate: its position among its parent's successors (the order `forEachSuccessor`
    /// gives them in), from which a trace is rebuilt.
    @exclusivity(unchecked) private(set) var candidateOrdinals = AppendBuffer<UInt32>()
    /// Per candidate, at its `slot(of:)`: whether it is the first visit of its state (set by the
    /// visited set's insert).
    @exclusivity(unchecked) private(set) var firstFound: UnsafeMutablePointer<Bool>
    @exclusivity(unchecked) private var firstFoundCapacity = 0
    /// Whether the candidates are ordered by shard (for a parallel insert).
    @exclusivity(unchecked) private var sorted = false
    /// The candidates ordered by shard (stably), each candidate's position in that order, and
    /// where each shard's run starts.
    @exclusivity(unchecked) private var byShard: [Int32] = []
    @exclusivity(unchecked) private var shardPositions: [Int32] = []
    @exclusivity(unchecked) private var shardStarts = [Int](repeating: 0, count: ShardedFingerprintSet.shardCount + 1)
    /// This batch's candidates, to keep out duplicates.
    @exclusivity(unchecked) private var batchFingerprints: FingerprintSet
    private let trailingPadding = CacheLinePadding()

    /// `candidateBroken`'s mark of a state that breaks no invariant but lies outside the state constraints.
    static let outsideConstraints: Int32 = -2

    /// `states`: about how many frontier states a batch takes (its deduplication table's size).
    init(wordCount: Int, exact: Bool, actionCount: Int, states: Int = 1024) {
        self.wordCount = wordCount
        self.exact = exact
        transitionsByAction = Array(repeating: 0, count: actionCount + 1)
        batchFingerprints = FingerprintSet(initialCapacity: 16 * max(states, 64), wordCount: exact ? wordCount : 0)
        firstFound = .allocate(capacity: 0)
    }

    deinit {
        firstFound.deallocate()
    }

    var candidateCount: Int { candidateFingerprints.count }

    /// Empties the batch for the next piece, keeping its buffers.
    func removeAll() {
        actions.removeAll()
        for index in transitionsByAction.indices { transitionsByAction[index] = 0 }
        expanded.removeAll(keepingCapacity: true)
        candidateFingerprints.removeAll()
        candidateWords.removeAll()
        candidateActions.removeAll()
        candidateBroken.removeAll()
        candidateOrdinals.removeAll()
        batchFingerprints.removeAll()
    }

    /// Counts a successor and adds it as a candidate unless it was visited before the chunk
    /// began or is already a candidate of this batch (an earlier one in frontier order, so this
    /// one cannot be the state's first visit).
    @inline(__always)
    func add(_ fingerprint: UInt64, words: UnsafePointer<UInt64>, action: Int, ordinal: Int, visited: ShardedFingerprintView) {
        actions.append(Int32(action))
        transitionsByAction[action < 0 ? transitionsByAction.count - 1 : action] += 1
        let exactWords = exact ? words : nil
        guard !visited.contains(fingerprint, words: exactWords),
              batchFingerprints.insert(fingerprint, words: exactWords) else { return }
        candidateFingerprints.append(fingerprint)
        candidateActions.append(Int32(action))
        candidateOrdinals.append(UInt32(ordinal))
        candidateWords.append(contentsOf: words, count: wordCount)
    }

    /// Sets `candidateBroken` for the candidates from `first` on to what `verdict` says of
    /// their packed words.
    func markCandidates(from first: Int, _ verdict: (UnsafePointer<UInt64>) -> Int32) {
        for candidate in first..<candidateCount {
            candidateBroken.append(verdict(candidateWords.base + candidate * wordCount))
        }
    }

    /// Calls `body` with a function giving each candidate's packed words when the visited set
    /// is exact, and nil otherwise.
    func withCandidateWords(_ body: ((Int) -> UnsafePointer<UInt64>?) -> Void) {
        guard exact else { return body { _ in nil } }
        let base = UnsafePointer(candidateWords.base), count = wordCount
        body { base + $0 * count }
    }

    /// Calls `body` with each candidate of `shard` (its slot, index and fingerprint), in
    /// candidate order. A shard's slots are consecutive, so threads inserting different shards
    /// write `firstFound` marks on different cache lines.
    func forEachCandidate(inShard shard: Int, _ body: (_ slot: Int, _ candidate: Int, UInt64) -> Void) {
        for position in shardStarts[shard]..<shardStarts[shard + 1] {
            let candidate = Int(byShard[position])
            body(position, candidate, candidateFingerprints[candidate])
        }
    }

    /// Where candidate `candidate`'s `firstFound` mark is: its position in shard order once the
    /// batch is sorted by shard, else its index.
    @inline(__always) func slot(of candidate: Int) -> Int {
        sorted ? Int(shardPositions[candidate]) : candidate
    }

    /// Whether candidate `candidate` is the first visit of its state.
    @inline(__always) func isFirstFound(_ candidate: Int) -> Bool {
        firstFound[slot(of: candidate)]
    }

    /// Makes room for a `firstFound` mark per candidate, and with `sortByShard` orders the
    /// candidates by shard for a parallel insert; called once the batch is filled.
    func seal(sortByShard: Bool) {
        if candidateCount > firstFoundCapacity {
            firstFound.deallocate()
            firstFoundCapacity = max(candidateCount, 2 * firstFoundCapacity)
            firstFound = .allocate(capacity: firstFoundCapacity)
        }
        sorted = sortByShard
        if sortByShard { sortCandidatesByShard() }
    }

    /// Orders the candidates by shard, stably (a counting sort), for `forEachCandidate(inShard:)`.
    private func sortCandidatesByShard() {
        for shard in shardStarts.indices { shardStarts[shard] = 0 }
        for candidate in candidateFingerprints.indices {
            shardStarts[ShardedFingerprintSet.shard(of: candidateFingerprints[candidate]) + 1] += 1
        }
        for shard in 1..<shardStarts.count { shardStarts[shard] += shardStarts[shard - 1] }
        if byShard.count < candidateCount {
            byShard = Array(repeating: 0, count: candidateCount)
            shardPositions = Array(repeating: 0, count: candidateCount)
        }
        var next = shardStarts
        for candidate in candidateFingerprints.indices {
            let shard = ShardedFingerprintSet.shard(of: candidateFingerprints[candidate])
            byShard[next[shard]] = Int32(candidate)
            shardPositions[candidate] = Int32(next[shard])
            next[shard] += 1
        }
    }
}
