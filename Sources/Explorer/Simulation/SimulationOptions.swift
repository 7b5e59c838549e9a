/// Options and limits of a random simulation (`kripke simulate`): how many runs, how long each
/// may be, the seed they are drawn from, and what is checked. A limit that is reached ends the
/// simulation *incomplete* with the statistics so far.
///
/// ```swift
/// var options = SimulationOptions(seed: 42)
/// options.runs = 10_000
/// options.depth = 200
/// options.maxSeconds = 60
/// ```
public struct SimulationOptions: Sendable {
    /// The simulation's seed (below 2⁵³: `SimulationSeeds`); the same seed takes the same runs.
    public var seed: UInt64
    /// How many runs to take, each from an initial state.
    public var runs = SimulationOptions.defaultRuns
    /// The most steps a run takes (it ends earlier in a state with no enabled step).
    public var depth = SimulationOptions.defaultDepth
    /// Report a state with no enabled step that is not a valid end state as a deadlock.
    public var checkDeadlock = true
    public var maxSeconds: Double?
    /// Polled every 256 steps; when it returns true the simulation ends incomplete ("interrupted").
    public var shouldStop: (@Sendable () -> Bool)?
    /// Called about once per second with the statistics so far, from the simulating thread.
    public var progress: (@Sendable (SimulationStatistics) -> Void)?

    public static let defaultRuns = 1000
    public static let defaultDepth = 100

    public init(seed: UInt64) {
        self.seed = seed
    }
}
