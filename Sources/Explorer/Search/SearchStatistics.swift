/// Figures of a search: what was explored, how deep, how fast, at what memory cost.
///
/// ```swift
/// print(result.statistics.states, result.statistics.statesPerSecond)
/// ```
public struct SearchStatistics: Sendable, Equatable, Codable {
    /// Distinct states stored (after any reduction).
    public var states = 0
    /// Transitions explored (successor computations, duplicates included).
    public var transitions = 0
    /// Depth of the deepest BFS level reached (the diameter when the search completes).
    public var depth = 0
    public var seconds = 0.0
    /// Bytes of the visited-state table, fingerprints and parent links per stored state (the frontier not included).
    public var bytesPerState = 0.0
    /// Peak resident memory of the process in bytes, where the platform reports it.
    public var peakMemoryBytes = 0
    /// Action instances dropped because a send found the network full.
    public var overflows = 0
    /// Per action of the spec (in declaration order, then message loss if the network is lossy):
    /// how often it was taken and how many new states it reached. An action never taken in an
    /// exhaustive search is dead code in the spec, often a modelling mistake.
    public var coverage: [ActionCoverage] = []

    public init() {}

    public var statesPerSecond: Double { seconds > 0 ? Double(states) / seconds : 0 }
}

/// How often one action was taken in a search (TLC's "coverage").
///
/// ```swift
/// for action in result.statistics.coverage where action.transitions == 0 { print("never taken:", action.name) }
/// ```
public struct ActionCoverage: Sendable, Equatable, Codable {
    public let name: String
    public var transitions: Int
    public var newStates: Int

    public init(name: String, transitions: Int = 0, newStates: Int = 0) {
        self.name = name
        self.transitions = transitions
        self.newStates = newStates
    }
}
