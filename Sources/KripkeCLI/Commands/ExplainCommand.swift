import ArgumentParser
import Kripke

/// `kripke explain <spec>`: the spec as the engines see it — processes, variables and their
/// domains, messages, network, every action as a guarded command, the invariants.
///
/// ```text
/// $ kripke explain quorum-replication --param N=3
/// ```
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print a spec as pseudocode read back from its IR: what exactly will be checked.")

    @OptionGroup var selection: SpecSelection

    func validate() throws { try selection.requireSpec() }

    func run() throws {
        let definition = try selection.definition()
        do {
            let ir = try definition.instantiate(try ParameterParsing.parse(selection.parameters))
            print("\(definition.summary)\n")
            print(SpecPrinter(ir).render())
        } catch let error as SpecError {
            throw CLIError(error.description)
        }
    }
}
