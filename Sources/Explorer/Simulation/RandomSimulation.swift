import Kripke

/// Random simulation for instances too large to enumerate (TLC's `-simulate`): each run starts in
/// an initial state (drawn at random where there are several) and takes up to `depth` steps, each chosen uniformly at random among all the
/// enabled successors of the current state (the explorer's own successor enumeration, no
/// reduction), checking every invariant in every state it visits and, unless turned off, that a
/// state without enabled steps is a valid end state. The first violation ends the simulation with
/// the run up to it as a counterexample, rebuilt like the explorer's traces — a real run, not a
/// shortest one. Finding nothing proves nothing about the runs not taken.
///
/// Where the spec has liveness properties, each run also judges the lassos it stumbles on
/// (`RunLassos`): coming back to a state it visited closes a cycle, and a state where no fair step
/// is enabled is one a fair run may stop in. A lasso that is a fair run violating a property ends
/// the simulation with it (`SimulationVerdict.livenessViolated`), as `kripke check` would report
/// it; otherwise the run goes on. Simulation can find liveness violations, never prove liveness.
///
/// Runs are reproducible: run i draws from a `SplitMix64` of its own seed (`SimulationSeeds`), so
/// the same options give the same runs, statistics and counterexample on any machine.
///
/// ```swift
/// let ir = try RicartAgrawala.tieBug.instantiate(["N": 2])
/// var options = SimulationOptions(seed: 1)
/// options.runs = 100
/// let result = try RandomSimulation(ir, options: options).run()
/// if case .violated(let violation, let run) = result.verdict { print(violation.property, run.seed) }
/// ```
public struct RandomSimulation {
    public let ir: SpecIR
    public let options: SimulationOptions

    public init(_ ir: SpecIR, options: SimulationOptions) {
        self.ir = ir
        self.options = options
    }

    /// Takes the runs. Throws `SpecError` if the spec cannot be compiled and `ModelFault` when a
    /// step hits a modelling error (with the run that reaches it).
    public func run() throws -> SimulationResult {
        let walk = try SimulationWalk(system: TransitionSystem(ir), options: options)
        return try walk.run()
    }
}
