/// The seeds of a simulation's runs. Run 0 uses the simulation's seed itself, and run i > 0 a
/// seed derived from the pair (seed, i) by SplitMix64's mixer; each run draws its steps from a
/// `SplitMix64` of its own seed. So a run is fixed by its own seed alone: `--seed X --runs 1`
/// takes again exactly the run whose seed is X, whichever simulation found it.
///
/// Seeds are integers below 2⁵³, which every JSON reader (JavaScript's included) holds exactly.
///
/// ```swift
/// let seed = SimulationSeeds.random()             // from the system's generator
/// let third = SimulationSeeds.seed(of: 2, in: seed)
/// var random = SplitMix64(seed: third)
/// ```
public enum SimulationSeeds {
    /// The largest seed: 2⁵³ − 1.
    public static let maximum: UInt64 = (1 << 53) - 1

    /// The seed of run `run` (from 0) of a simulation seeded with `seed`.
    public static func seed(of run: Int, in seed: UInt64) -> UInt64 {
        guard run > 0 else { return seed }
        return SplitMix64.mix(seed &+ UInt64(run) &* SplitMix64.increment) >> 11
    }

    /// A seed from the system's random number generator, for a simulation given none.
    public static func random() -> UInt64 {
        var system = SystemRandomNumberGenerator()
        return system.next() >> 11
    }
}
