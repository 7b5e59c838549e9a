import Kripke

/// What a random simulation concluded, with its statistics.
///
/// ```swift
/// let result = try RandomSimulation(ir, options: SimulationOptions(seed: 7)).run()
/// switch result.verdict {
/// case .noViolationFound: print("nothing found in \(result.statistics.runs) runs (not a proof)")
/// case .violated(let violation, let run): print(violation.property, "in run", run.index, "seed", run.seed)
/// case .livenessViolated(let property, let run): print(property.name, "in run", run.index, property.lasso!.loop!)
/// case .incomplete(let reason): print("incomplete:", reason)
/// }
/// ```
public struct SimulationResult: Sendable {
    public let verdict: SimulationVerdict
    public let statistics: SimulationStatistics

    public init(verdict: SimulationVerdict, statistics: SimulationStatistics) {
        self.verdict = verdict
        self.statistics = statistics
    }
}

/// The verdict of a random simulation.
///
/// ```swift
/// if case .violated(let violation, let run) = verdict { print(violation.trace.length, run.seed) }
/// ```
public enum SimulationVerdict: Sendable, Equatable {
    /// Every run was taken and none broke a property — which proves nothing about the runs not taken.
    case noViolationFound
    /// A run reached a state that violates a property (or deadlocks); the trace is that run up to
    /// that state — a real run, not a shortest one.
    case violated(Violation, run: SimulationRunID)
    /// A run stumbled on a lasso that is a fair run violating a liveness property: it came back to
    /// a state it had visited (a cycle), or reached a state where a fair run may stop (no fair step
    /// enabled there). `property.lasso` is the run up to there, its cycle marked (`Trace.loop`);
    /// `property.fairness` says how the cycle satisfies the spec's fairness.
    case livenessViolated(LivenessResult.Property, run: SimulationRunID)
    /// A limit or an interrupt ended the simulation early, or a send found the network full.
    case incomplete(reason: String)
}

/// Which run of a simulation something happened in: its index (from 0) and its own seed, with
/// which `--seed SEED --runs 1` takes exactly that run again.
///
/// ```swift
/// let run = SimulationRunID(index: 3, seed: SimulationSeeds.seed(of: 3, in: 42))
/// ```
public struct SimulationRunID: Sendable, Equatable {
    public let index: Int
    public let seed: UInt64

    public init(index: Int, seed: UInt64) {
        self.index = index
        self.seed = seed
    }
}

/// Figures of a random simulation: runs and steps taken, distinct states seen, speed, and how
/// often each action was taken (its coverage).
///
/// ```swift
/// print(result.statistics.steps, result.statistics.distinctStates, result.statistics.stepsPerSecond)
/// for action in result.statistics.coverage where action.transitions == 0 { print("never taken:", action.name) }
/// ```
public struct SimulationStatistics: Sendable, Equatable {
    /// Runs finished (the run that found a violation included; a run an interrupt cut short not).
    public var runs = 0
    /// Steps taken, over all runs.
    public var steps = 0
    /// Distinct states visited (64-bit fingerprints of the full states, without symmetry
    /// reduction), the initial state included.
    public var distinctStates = 0
    /// Steps of the longest finished run.
    public var longestRun = 0
    /// Runs that ended before the depth, in a state with no step to take.
    public var endedEarly = 0
    /// Lassos judged against the liveness properties (none without any): the cycles runs closed
    /// by coming back to a state they had visited, and the states where a fair run may stop.
    public var lassos = 0
    /// Action instances not taken because a send found the network full.
    public var overflows = 0
    public var seconds = 0.0
    /// Per action of the spec (in declaration order, then message loss if the network is lossy):
    /// how many steps took it (`transitions`) and how many of them reached a state not seen before.
    public var coverage: [ActionCoverage] = []

    public init() {}

    public var stepsPerSecond: Double { seconds > 0 ? Double(steps) / seconds : 0 }
}
