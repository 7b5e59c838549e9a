import Kripke

/// Options and limits of an exhaustive search. A limit that is reached ends the run with an
/// *incomplete* result and the statistics so far.
///
/// ```swift
/// var options = SearchOptions()
/// options.maxStates = 1_000_000
/// options.maxSeconds = 60
/// ```
public struct SearchOptions: Sendable {
    /// Report states with no enabled step (that are not valid end states) as deadlocks.
    public var checkDeadlock = true
    /// Store one state per orbit under permutations of symmetric roles' process ids.
    public var symmetry = true
    /// Partial-order reduction (stubborn sets): explore, per state, only steps that cannot be
    /// postponed without losing a deadlock or an invariant violation.
    public var partialOrder = true
    /// Stop partial-order reduction (expand every later state fully) when, after
    /// `adaptiveMinimumStates` states, it has left out less than `adaptiveMinimumPruning` of the
    /// transitions: where it saves little, its bookkeeping costs more than it saves.
    public var adaptivePartialOrder = true
    public static let adaptiveMinimumStates = 20_000
    public static let adaptiveMinimumPruning = 0.2
    /// With partial-order reduction, a counterexample is a real run but may be longer than
    /// necessary; this re-searches without reduction, up to its length, for a shortest one.
    public var shortestCounterexample = false
    /// Threads expanding the frontier; any number gives the same states and counterexamples.
    public var workers = 1
    /// Store every state's packed words beside its fingerprint and compare them, so that no
    /// fingerprint collision can drop a state (TLC's fingerprints, made exact at a memory cost
    /// of the packed state per state). Partial-order reduction is off in this mode: its cycle
    /// proviso asks which states were found before which by fingerprint alone.
    public var exactStates = false

    /// Whether partial-order reduction runs: asked for, and not in exact mode.
    public var reducesPartialOrder: Bool { partialOrder && !exactStates }

    /// Whether partial-order reduction runs on `ir`: as `reducesPartialOrder`, and only when the
    /// spec has no state constraints — a run reordered by the reduction could pass through a
    /// state the constraints cut off, and so lose what lies beyond it.
    public func reducesPartialOrder(on ir: SpecIR) -> Bool { reducesPartialOrder && ir.stateConstraints.isEmpty }
    /// Bytes of packed states each breadth-first level keeps in memory; past them the level's
    /// blocks go to an unlinked temporary file and are read back when it is expanded (TLC's
    /// disk-backed queue). 0 sends every full block to the file. 16 MiB: Paxos N=5 B=2 peaks 15 MiB
    /// lower than with 32, in the same time (`Benchmarks/README.md`).
    public var frontierMemoryBytes = 16 << 20
    /// States each worker expands between two merges into the visited set.
    var chunkStatesPerWorker = 1024
    /// With several workers, the pieces each worker's share of a chunk is cut into; an idle
    /// worker takes the next piece, so the workers finish a chunk together.
    var batchesPerWorker = 4
    /// States per frontier block, in chunks (so that a chunk never straddles two blocks).
    var frontierBlockChunks = 16
    public var maxStates: Int?
    /// Do not expand states at this depth (the run is then incomplete unless nothing lay beyond).
    public var maxDepth: Int?
    public var maxSeconds: Double?
    /// Resident memory limit in bytes.
    public var maxMemoryBytes: Int?
    /// Polled with the time limit (every 256 expanded states); when it returns true the search ends
    /// incomplete ("interrupted") — how `kripke` stops on SIGINT or SIGTERM.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Called about once per second with progress, from the searching thread.
    public var progress: (@Sendable (SearchStatistics) -> Void)?
    /// Sees every distinct state the search expands (see ``SearchVisitor``).
    public var visitor: (any SearchVisitor)?

    /// Options with every default except, where given, partial-order reduction.
    ///
    /// ```swift
    /// let exact = SearchOptions(partialOrder: false)   // every interleaving: shortest counterexamples
    /// ```
    public init(partialOrder: Bool = true) {
        self.partialOrder = partialOrder
    }
}
