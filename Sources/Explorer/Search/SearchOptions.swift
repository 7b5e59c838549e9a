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
    /// Threads expanding the frontier; any number gives the same states and counterexamples.
    public var workers = 1
    public var maxStates: Int?
    public var maxSeconds: Double?
    /// Resident memory limit in bytes.
    public var maxMemoryBytes: Int?
    /// Polled with the time limit (every 256 expanded states); when it returns true the search ends
    /// incomplete ("interrupted") — how `kripke` stops on SIGINT or SIGTERM.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Called about once per second with progress, from the searching thread.
    public var progress: (@Sendable (SearchStatistics) -> Void)?

    public init() {}
}
