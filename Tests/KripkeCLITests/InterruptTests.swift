import Foundation
import Testing

/// SIGINT and SIGTERM end a run as incomplete (exit 3) with its statistics and JSON, in every engine.
@Suite(.serialized) struct InterruptTests {
    /// Starts `kripke-fixtures` with `arguments`, sends `signal` after `delay` seconds, and returns
    /// its exit status and the JSON object it printed.
    private func interrupted(_ arguments: [String], signal: Int32, after delay: Double) throws -> (Int32, [String: Any]) {
        let process = Process()
        process.executableURL = CommandRunner.productsFolder.appendingPathComponent("kripke-fixtures")
        process.arguments = arguments + ["--json"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A signal before main() installs the handlers would kill it like any program: on Linux,
        // wait (at most 10 s) until /proc shows SIGTERM caught, then give the run `delay` seconds.
        let status = "/proc/\(process.processIdentifier)/status"
        for _ in 0..<1000 where FileManager.default.fileExists(atPath: status) {
            let caught = (try? String(contentsOfFile: status, encoding: .utf8))?.split(separator: "\n")
                .first { $0.hasPrefix("SigCgt:") }.flatMap { UInt64($0.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16) }
            if let caught, caught & (1 << (SIGTERM - 1)) != 0 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func checkEndsIncompleteWithStatistics(signal: Int32) throws {
        let (status, json) = try interrupted(["check", "counter-grid", "--param", "N=8", "--param", "K=15", "--no-por", "--quiet"],
                                             signal: signal, after: 1.5)
        #expect(status == 3)
        #expect(json["verdict"] as? String == "incomplete")
        #expect(json["reason"] as? String == "interrupted")
        #expect(((json["stats"] as? [String: Any])?["states"] as? Int ?? 0) > 0)
    }

    /// An interrupted run still writes every report it was asked for, saying *incomplete* and why,
    /// so a CI job killed by its timeout shows that rather than an old report or nothing.
    @Test func interruptedCheckWritesEveryReport() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("k.xml").path, sarif = directory.appendingPathComponent("k.sarif").path
        let (status, json) = try interrupted(["check", "counter-grid", "--param", "N=8", "--param", "K=15", "--no-por", "--quiet",
                                              "--junit", junit, "--sarif", sarif], signal: SIGINT, after: 1.5)
        #expect(status == 3)
        #expect(json["reason"] as? String == "interrupted")
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<error type=\"incomplete\" message=\"incomplete: interrupted\"/>"))
        #expect(!xml.contains("<skipped"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarif))) as? [String: Any]
        let results = ((report?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.map { $0["ruleId"] as? String } == ["kripke/incomplete"])
        #expect(((results.first?["message"] as? [String: Any])?["text"] as? String)?.hasSuffix("is incomplete: interrupted") == true)
    }

    @Test func bmcEndsIncompleteWithTheDepthChecked() throws {
        let (status, json) = try interrupted(["bmc", "paxos", "--depth", "40", "--quiet"], signal: SIGINT, after: 3)
        #expect(status == 3)
        #expect(json["verdict"] as? String == "incomplete")
        #expect(json["reason"] as? String == "interrupted")
        #expect(((json["stats"] as? [String: Any])?["checkedDepth"] as? Int ?? -2) >= 0)
    }

    @Test func proveEndsIncomplete() throws {
        let (status, json) = try interrupted(["prove", "paxos", "--max-k", "4"], signal: SIGINT, after: 2)
        #expect(status == 3)
        #expect(json["verdict"] as? String == "incomplete")
        #expect(json["reason"] as? String == "interrupted")
    }
}
