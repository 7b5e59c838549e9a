import Foundation

/// Runs the built `kripke` (or `kripke-fixtures`) executable as a subprocess and captures its
/// exit code, stdout and stderr — the CLI tests check what a user or CI job would see.
struct CommandRunner {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The folder holding the built products (next to the test bundle).
    static var productsFolder: URL {
        let fromArguments = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: fromArguments.appendingPathComponent("kripke").path) {
            return fromArguments
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug")
    }

    /// Runs the `kripke-fixtures` executable: `kripke` plus specs with seeded mistakes.
    static func fixtures(_ arguments: [String]) throws -> Output {
        try run(arguments, executable: "kripke-fixtures")
    }

    /// Runs `executable` with `arguments`, in this process's environment plus `environment`.
    static func run(_ arguments: [String], executable: String = "kripke",
                    environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = productsFolder.appendingPathComponent(executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
