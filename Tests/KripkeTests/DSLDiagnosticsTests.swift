import Foundation
import Testing

/// Common DSL mistakes get a compiler error that says what to write, not a type-checker puzzle:
/// each snippet is type-checked against the Kripke module this test run built (`swiftc
/// -typecheck -I .build/debug/Modules`) and the error must carry the DSL's own message.
@Suite struct DSLDiagnosticsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The compiler's errors for a step body made of `lines`.
    static func errors(inStep lines: String) throws -> [String] {
        let modules = root.appendingPathComponent(".build/debug/Modules")
        guard FileManager.default.fileExists(atPath: modules.appendingPathComponent("Kripke.swiftmodule").path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: modules.path])
        }
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-diagnostics-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: source) }
        try """
            import Kripke
            let spec = SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
                let procs = s.processes("p", count: 2)
                let clock = s.variable("clock", per: procs, in: .range(0...3), initial: 0)
                let up = s.variable("up", per: procs, in: .bool, initial: false)
                s.action("a", for: procs) { i in
                    \(lines)
                }
            }
            """.write(to: source, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", source.path, "-I", modules.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.split(separator: "\n").filter { $0.contains(": error: ") }
            .map { String($0[$0.range(of: "error: ")!.upperBound...]) }
    }

    @Test func assigningWithEqualsSaysToUseTheArrow() throws {
        let errors = try Self.errors(inStep: "clock[i] = clock[i] + 1")
        #expect(errors.contains("setter for 'subscript(_:)' is unavailable: a step assigns state with `<-`, not `=`: write `x[i] <- value`"))
        #expect(errors.contains("'buildExpression' is unavailable: a step assigns state with `<-`, not `=`: write `x <- value`"))
    }

    @Test func assigningInsideRequireSaysToCompare() throws {
        let errors = try Self.errors(inStep: "Require(up[i] = true)")
        #expect(errors.contains("'Require(_:file:line:)' is unavailable: Require takes a condition: compare with `==` (`=` assigns)"))
    }

    /// The control: the same spec written correctly type-checks.
    @Test func theCorrectSpellingTypeChecks() throws {
        #expect(try Self.errors(inStep: "Require(up[i] == true)\n        clock[i] <- clock[i] + 1").isEmpty)
    }
}
