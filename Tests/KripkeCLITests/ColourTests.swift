import Foundation
import Testing

/// The verdict is coloured on a terminal — green when it holds, red when violated — and never
/// when `NO_COLOR` is set or the output is not a terminal (a pipe, a CI log). The terminal is a
/// pseudo-terminal that `script` (util-linux) opens.
@Suite struct ColourTests {
    /// `kripke arguments`' stdout when it runs on a pseudo-terminal.
    static func onTerminal(_ arguments: String, noColor: Bool) throws -> String {
        let kripke = CommandRunner.productsFolder.appendingPathComponent("kripke").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["script", "-qec", "\(kripke) \(arguments)", "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": noColor ? "1" : ""]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func verdictsAreColouredOnATerminal() throws {
        #expect(try Self.onTerminal("check token-ring --no-liveness", noColor: false).contains("Result: \u{1B}[1;32mHOLDS\u{1B}[0m"))
        #expect(try Self.onTerminal("check token-ring-regenerate", noColor: false).contains("Result: \u{1B}[1;31mVIOLATED\u{1B}[0m"))
    }

    @Test func noColorTurnsColourOff() throws {
        let output = try Self.onTerminal("check token-ring --no-liveness", noColor: true)
        #expect(output.contains("Result: HOLDS"))
        #expect(!output.contains("\u{1B}["))
    }

    @Test func aPipeGetsNoColour() throws {
        let output = try CommandRunner.run(["check", "token-ring", "--no-liveness"], environment: ["NO_COLOR": ""])
        #expect(output.stdout.contains("Result: HOLDS"))
        #expect(!output.stdout.contains("\u{1B}["))
    }
}
