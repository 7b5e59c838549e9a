import ArgumentParser
import Kripke
import Traces

/// `kripke list`: the available specs, one per line, or as JSON.
///
/// ```text
/// $ kripke list
/// ricart-agrawala           holds     Ricart–Agrawala mutual exclusion with Lamport sequence numbers
/// ```
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the specs this kripke knows, with their parameters and expected verdicts.")

    @Flag(name: .long, help: "Print a JSON array of {name, summary, parameters, expect, lemmas}.")
    var json = false

    func run() throws {
        let specs = SpecCatalog.specs
        if json {
            print(JSONValue.array(specs.map(ListCommand.describe)).rendered())
            return
        }
        let width = (specs.map(\.name.count).max() ?? 0) + 2
        for spec in specs {
            let parameters = spec.parameters.map { "\($0.name)=\($0.defaultValue)" }.joined(separator: " ")
            let name = spec.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let expect = spec.expectation.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let lemmas = ListCommand.lemmaCount(spec)
            let proof = lemmas > 0 ? " — proof: \(lemmas) lemmas (kripke prove)" : ""
            print("\(name)\(expect)\(spec.summary)\(parameters.isEmpty ? "" : " [\(parameters)]")\(proof)")
        }
    }

    static func describe(_ spec: SpecDefinition) -> JSONValue {
        .object([
            ("name", .string(spec.name)),
            ("summary", .string(spec.summary)),
            ("parameters", .array(spec.parameters.map { parameter in
                .object([
                    ("name", .string(parameter.name)), ("default", .int(parameter.defaultValue)),
                    ("min", .int(parameter.lowerBound)), ("max", .int(parameter.upperBound)),
                    ("summary", .string(parameter.summary)),
                ])
            })),
            ("expect", .string(spec.expectation.rawValue)),
            ("lemmas", .int(lemmaCount(spec))),
        ])
    }

    /// The helper lemmas the spec ships at its defaults (a shipped inductive invariant), or 0.
    static func lemmaCount(_ spec: SpecDefinition) -> Int {
        ((try? spec.instantiate())?.invariants.count { $0.isLemma }) ?? 0
    }
}
