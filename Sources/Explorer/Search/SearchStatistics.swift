/// Figures of a search: what was explored, how deep, how fast, at what memory cost.
///
/// ```swift
/// print(result.statistics.states, result.statistics.statesPerSecond)
/// ```
public struct SearchStatistics: Sendable, Equatable, Codable {
    /// Distinct states stored (after any reduction).
    public var states = 0
    /// Distinct initial states among them (more than one when variables start at a choice).
    public var initialStates = 1
    /// Stored states outside the spec's state constraints: checked, not expanded.
    public var constrainedStates = 0
    /// Transitions explored (successor computations, duplicates included).
    public var transitions = 0
    /// Depth of the deepest BFS level reached (the diameter when the search completes).
    public var depth = 0
    public var seconds = 0.0
    /// Bytes of the visited-state table, parent links and successor positions per stored state (the frontier not included).
    public var bytesPerState = 0.0
    /// Peak resident memory of the process in bytes, where the platform reports it.
    public var peakMemoryBytes = 0
    /// Action instances dropped because a send found the network full.
    public var overflows = 0
    /// Per action of the spec (in declaration order, then message loss if the network is lossy):
    /// how often it was taken and how many new states it reached. An action never taken in an
    /// exhaustive search is dead code in the spec, often a modelling mistake.
    public var coverage: [ActionCoverage] = []
    /// What partial-order reduction did, when it ran.
    public var partialOrder: PartialOrderStatistics?

    public init() {}

    public var statesPerSecond: Double { seconds > 0 ? Double(states) / seconds : 0 }

    /// An upper bound on the probability that two of the states stored share a 64-bit
    /// fingerprint — so that one of them was taken for the other and never expanded — assuming
    /// fingerprints behave as independent uniform values: n(n−1)/2 pairs, each colliding with
    /// probability 2⁻⁶⁴ (the birthday bound; TLC prints a similar estimate). 1.3·10⁻⁷ at 2.2 M
    /// states, 0.0012 at 200 M.
    public var fingerprintCollisionProbability: Double {
        let n = Double(states)
        return min(1, n * (n - 1) / 2 / 0x1p64)
    }
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

/// What partial-order reduction did in a search: how many states it expanded with a reduced set,
/// how many the cycle proviso forced back to a full expansion, and how many successors it left out.
///
/// ```swift
/// if let por = result.statistics.partialOrder { print(por.reducedStates, por.prunedTransitions) }
/// ```
public struct PartialOrderStatistics: Sendable, Equatable, Codable {
    public var reducedStates = 0
    public var provisoExpansions = 0
    public var prunedTransitions = 0
    /// The depth from which every state was expanded fully because the reduction left out too
    /// little (`SearchOptions.adaptivePartialOrder`); nil if it ran to the end.
    public var stoppedAtDepth: Int?

    public init() {}
}
