import Explorer
import Kripke
import Specs
import Symbolic
import Verification

/// Outcomes of every kind, from real runs of library specs, that the report tests render.
///
/// ```swift
/// for (name, outcome) in try SampleOutcomes.all() { print(name, outcome.verdict.name) }
/// ```
enum SampleOutcomes {
    static func spec(_ name: String, _ parameters: [String: Int] = [:]) throws -> SpecIR {
        try SpecLibrary.all.first { $0.name == name }!.instantiate(parameters)
    }

    static func check(_ name: String, _ parameters: [String: Int] = [:], maxStates: Int? = nil) throws -> Outcome {
        let ir = try spec(name, parameters)
        var options = SearchOptions()
        options.maxStates = maxStates
        return Outcome(try BreadthFirstSearch(ir, options: options).run(), ir: ir, options: options)
    }

    static func violatedInvariant() throws -> Outcome { try check("ricart-agrawala-tie-bug", ["N": 2]) }
    static func deadlock() throws -> Outcome { try check("suzuki-kasami-forget-ln") }
    static func incomplete() throws -> Outcome { try check("ricart-agrawala", maxStates: 5) }
    static func holds() throws -> Outcome { try check("quorum-replication") }

    static func error() throws -> Outcome {
        .error("modelling error in send: index 3 out of range", command: "check", engine: "explorer",
               spec: try spec("token-ring"))
    }

    static func boundedHolds() throws -> Outcome {
        let ir = try spec("token-ring")
        return Outcome(try BoundedModelChecker(ir).run(depth: 3), ir: ir, depth: 3, deadlock: true)
    }

    static func notInductive() throws -> Outcome {
        let ir = try spec("token-ring").withoutLemmas
        return Outcome(try KInduction(ir).run(maxK: 1), ir: ir, maxK: 1, explain: false)
    }

    static func simulate(_ name: String, _ parameters: [String: Int] = [:], seed: UInt64, runs: Int) throws -> Outcome {
        let ir = try spec(name, parameters)
        var options = SimulationOptions(seed: seed)
        options.runs = runs
        return Outcome(try RandomSimulation(ir, options: options).run(), ir: ir, options: options)
    }

    static func simulatedNoViolation() throws -> Outcome { try simulate("quorum-replication", seed: 3, runs: 50) }
    static func simulatedViolation() throws -> Outcome { try simulate("ricart-agrawala-tie-bug", ["N": 2], seed: 1, runs: 100) }

    /// Every sample, by name.
    static func all() throws -> [(String, Outcome)] {
        [("violated", try violatedInvariant()), ("deadlock", try deadlock()), ("incomplete", try incomplete()),
         ("holds", try holds()), ("error", try error()), ("bounded", try boundedHolds()),
         ("not-inductive", try notInductive()), ("simulated", try simulatedNoViolation()),
         ("simulated-violated", try simulatedViolation())]
    }
}
