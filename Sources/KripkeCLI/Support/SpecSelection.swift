import ArgumentParser
import Kripke

/// The spec a command works on: its name and `--param NAME=VALUE` overrides, shared by
/// `check`, `bmc`, `prove` and `explain`.
///
/// ```swift
/// @OptionGroup var selection: SpecSelection
/// let ir = try selection.instantiate()
/// ```
struct SpecSelection: ParsableArguments {
    // Shells complete spec names (`kripke --generate-completion-script bash|zsh|fish`).
    @Argument(help: "The spec (see `kripke list`).",
              completion: .custom { _, _, prefix in SpecCatalog.specs.map(\.name).filter { $0.hasPrefix(prefix) } })
    var spec: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a spec parameter, e.g. --param N=4.", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    /// The spec's name ("" when none was given: only `check --all` goes without one).
    var name: String { spec ?? "" }

    /// For the commands that need a spec: a usage error (exit 2) when none was given.
    func requireSpec() throws {
        if spec == nil { throw ValidationError("Missing expected argument '<spec>'") }
    }

    /// The spec's definition, or an error naming the specs there are.
    func definition() throws -> SpecDefinition { try SpecCatalog.spec(named: name) }

    /// The spec instantiated with the given parameters and validated.
    func instantiate() throws -> SpecIR {
        try definition().instantiate(try ParameterParsing.parse(parameters))
    }

    /// The instantiated spec; an unknown spec, bad parameter or invalid spec is reported (text or
    /// JSON) and ends the command with exit code 2.
    func instantiate(reporting report: ResultReport) throws -> SpecIR {
        do {
            return try instantiate()
        } catch {
            throw report.error(error, spec: name, parameters: (try? ParameterParsing.parse(parameters)) ?? [:])
        }
    }
}
