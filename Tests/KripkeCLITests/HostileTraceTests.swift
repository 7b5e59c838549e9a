import Foundation
import Testing

/// Trace files a hostile user or a broken tool could hand to `kripke trace`: each is refused with a
/// clear message (exit 2, or 1 for replay), never a trap, a stack overflow or a silent truncation.
/// Kripke's own traces (`"source": "kripke"`) hold machine integers; other tools' may hold any.
@Suite struct HostileTraceTests {
    private func file(_ contents: String, _ name: String = UUID().uuidString) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-\(name).json").path
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test(arguments: [
        (#"{"vars":["x"],"states":[{"x":1e300}]}"#, "a value is 1e+300, not an integer"),
        (#"{"vars":["x"],"states":[{"x":1.5}]}"#, "a value is 1.5, not an integer"),
        (#"{"vars":["x"],"states":[{"x":-9223372036854775808}]}"#, "not an integer"),
        (##"{"vars":["x"],"#meta":{"source":"kripke"},"states":[{"x":{"#bigint":"99999999999999999999999"}}]}"##, "bad #bigint"),
        (##"{"vars":["x"],"states":[{"x":{"#bigint":"1e5"}}]}"##, "bad #bigint '1e5'"),
        (##"{"vars":["x"],"#meta":{"source":"kripke","parameters":{"N":2.5}},"states":[{"x":1}]}"##, "parameter 'N' is 2.5, not an integer"),
        (String(repeating: "[", count: 60_000), "nested deeper than 512 levels"),
        (#"{"vars":["x"],"states":[{"x":"# + String(repeating: "1", count: 100) + "}]}", "a number longer than 64 characters"),
    ])
    func badTraceIsAClearError(contents: String, message: String) throws {
        let output = try CommandRunner.run(["trace", "show", try file(contents)])
        #expect(output.status == 2)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test func hugeFileIsRefusedBeforeReading() throws {
        let output = try CommandRunner.run(["trace", "show", try file(String(repeating: " ", count: 17 * 1_048_576))])
        #expect(output.status == 2)
        #expect(output.stderr.contains("bytes; at most 16777216 (16 MiB) are read"))
    }

    @Test func traceWithoutSpecNameSaysSo() throws {
        let output = try CommandRunner.run(["trace", "replay", try file(##"{"#meta":{"source":"kripke"},"vars":["x"],"states":[{"x":1}]}"##)])
        #expect(output.status == 2)
        #expect(output.stderr.contains("names no spec ('#meta' needs \"spec\"), so it cannot be replayed"))
    }

    /// A trace another tool wrote has no spec, actions or messages to replay.
    @Test func replayOfAForeignTraceSaysItIsNotKripkes() throws {
        let path = try file(#"{"vars":["x"],"states":[{"x":1},{"x":2}]}"#)
        let output = try CommandRunner.run(["trace", "replay", path])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("""
            '\(path)' is not one of Kripke's traces ('#meta' has no "source": "kripke"): it names no spec, actions or messages, \
            so it cannot be replayed; `kripke trace show` prints it
            """), "\(output.stderr)")
    }

    /// A trace that leaves a variable out would compare only the others: replay refuses it.
    @Test func replayNeedsEveryVariable() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Counterexamples/ricart-agrawala-tie-bug.itf.json")
        let text = try String(contentsOf: golden, encoding: .utf8)
        let trimmed = text.replacingOccurrences(of: #""done","#, with: "").replacingOccurrences(of: "\"done\",\n", with: "")
        #expect(trimmed != text)
        let output = try CommandRunner.run(["trace", "replay", try file(trimmed)])
        #expect(output.status == 1)
        #expect(output.stdout.contains("does not replay: the trace leaves out 'done': every state must give every variable of the spec"))
    }
}
