import ArgumentParser
import Foundation
import Reports

/// Runs the `kripke` command line and exits with Kripke's exit codes: usage errors exit 2
/// (ArgumentParser's default would be 64), help and version exit 0.
///
/// ```swift
/// SpecCatalog.install(SpecLibrary.all)
/// KripkeMain.run()
/// ```
public enum KripkeMain {
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        StopSignals.install()
        do {
            var command = try KripkeCommand.parseAsRoot(arguments)
            let stopsCleanly = command is CheckCommand || command is SimulateCommand || command is BMCCommand
                || command is ProveCommand
            if !stopsCleanly { StopSignals.release() }
            try command.run()
            exit(ExitStatus.holds.rawValue)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            exit(ExitStatus.error.rawValue)
        } catch {
            let code = KripkeCommand.exitCode(for: error)
            let message = KripkeCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            FileHandle.standardError.write(Data((message.isEmpty ? "error: \(error)" : message).utf8 + [0x0A]))
            if let hint = subcommandHint(arguments) { FileHandle.standardError.write(Data("\(hint)\n".utf8)) }
            exit(ExitStatus.error.rawValue)
        }
    }
}

/// "Did you mean 'check'?" when the first argument is not a subcommand but close to one.
private func subcommandHint(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    let names = KripkeCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }
    guard !names.contains(first) else { return nil }
    let close = NearestNames.closest(to: first, among: names)
    return close.isEmpty ? nil : "Did you mean \(close.map { "'kripke \($0)'" }.joined(separator: " or "))?"
}

/// The root `kripke` command.
///
/// ```text
/// kripke list
/// kripke check ricart-agrawala --param N=3
/// ```
struct KripkeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kripke",
        abstract: "A model checker for distributed algorithms.",
        discussion: """
            Exit codes: 0 every property holds, 1 a property is violated (counterexample printed), \
            2 usage or spec error, 3 incomplete (a limit was reached).
            """,
        version: KripkeVersion.current,
        subcommands: [ListCommand.self, CheckCommand.self, SimulateCommand.self, ExplainCommand.self, TraceCommand.self,
                      BMCCommand.self, ProveCommand.self, QuorumCommand.self]
    )
}
