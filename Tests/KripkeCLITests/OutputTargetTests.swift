import Foundation
import Testing

/// Report files (`--trace-out`, `--junit`, `--sarif`, `trace render -o`) never clobber what is at
/// their path, are checked before the search, and a failed write keeps the verdict's exit code.
@Suite struct OutputTargetTests {
    private let violated = ["check", "ricart-agrawala-tie-bug", "--param", "N=2", "--quiet"]

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func devStdoutIsWrittenInPlace() throws {
        let output = try CommandRunner.run(violated + ["--json", "--trace-out", "/dev/stdout"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("\"format\": \"ITF\""))
        #expect(output.stderr.isEmpty)
    }

    @Test func symlinkStaysASymlinkAndModeIsKept() throws {
        let dir = try folder()
        let real = dir.appendingPathComponent("real.json").path, link = dir.appendingPathComponent("link.json").path
        #expect(FileManager.default.createFile(atPath: real, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(try CommandRunner.run(violated + ["--trace-out", link]).status == 1)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("\"format\": \"ITF\""))
        #expect(try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int == 0o600)

        #expect(try CommandRunner.run(violated + ["--junit", real]).status == 1)   // replaced, mode kept
        #expect(try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("<?xml"))
    }

    @Test func fifoStaysAFifo() throws {
        let fifo = try folder().appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = Thread { _ = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() }
        reader.start()
        #expect(try CommandRunner.run(violated + ["--trace-out", fifo]).status == 1)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func badPathIsFoundBeforeTheSearch() throws {
        let output = try CommandRunner.run(violated + ["--sarif", "/no/such/folder/out.sarif"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "error: cannot write '/no/such/folder/out.sarif': the folder '/no/such/folder' does not exist\n")
    }

    /// /dev/full passes the check (a writable device) but every write to it fails.
    @Test func failedWriteKeepsTheVerdictAndTheOtherReports() throws {
        let sarif = try folder().appendingPathComponent("out.sarif").path
        let output = try CommandRunner.run(violated + ["--json", "--junit", "/dev/full", "--sarif", sarif])
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("warning: cannot write '/dev/full'"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "violated")
        #expect((json["warnings"] as? [String])?.first?.hasPrefix("cannot write '/dev/full'") == true)
        #expect(FileManager.default.fileExists(atPath: sarif))
    }

    /// A modelling fault replaces old reports with ones that say so, so CI cannot pick up a stale one.
    @Test func modellingFaultReplacesOldReports() throws {
        let dir = try folder()
        let junit = dir.appendingPathComponent("junit.xml").path, sarif = dir.appendingPathComponent("out.sarif").path
        try "stale".write(toFile: junit, atomically: true, encoding: .utf8)
        try "stale".write(toFile: sarif, atomically: true, encoding: .utf8)
        let output = try CommandRunner.fixtures(["check", "broken-overflow", "--quiet", "--junit", junit, "--sarif", sarif])
        #expect(output.status == 2)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("errors=\"1\"") && xml.contains("<error type=\"error\" message=\"modelling error in "))
        let json = try String(contentsOfFile: sarif, encoding: .utf8)
        #expect(json.contains("\"ruleId\": \"kripke/error\"") && json.contains("failed: modelling error in "))
    }
}
