import Foundation
import Testing

/// Without libz3 the explorer's commands still run, and the symbolic ones fail with exit 2 and
/// a message that says what was tried and how to install Z3 (`KRIPKE_LIBZ3` naming a missing
/// file, or empty `libz3.so*` files first on `LD_LIBRARY_PATH`, stand in for a machine without it).
@Suite struct MissingZ3Tests {
    private let noZ3 = ["KRIPKE_LIBZ3": "/nonexistent/libz3.so"]
    private let failure = "Z3 could not be loaded: tried only KRIPKE_LIBZ3=/nonexistent/libz3.so (cannot open shared "
        + "object file: No such file or directory). Install it (Debian/Ubuntu: sudo apt-get install libz3-4, or "
        + "libz3-dev; macOS: brew install z3), or set KRIPKE_LIBZ3 to the path of libz3"

    @Test func theExplorerRunsWithoutZ3() throws {
        let list = try CommandRunner.run(["list"], environment: noZ3)
        #expect(list.status == 0)
        #expect(list.stdout.contains("ricart-agrawala"))
        let check = try CommandRunner.run(["check", "ricart-agrawala", "--param", "N=2"], environment: noZ3)
        #expect(check.status == 0)
        #expect(check.stdout.contains("Result: HOLDS"))
    }

    @Test func symbolicCommandsExplainThatZ3IsMissing() throws {
        let bmc = try CommandRunner.run(["bmc", "ricart-agrawala", "--param", "N=2", "--depth", "3"], environment: noZ3)
        #expect(bmc.status == 2)
        #expect(bmc.stderr == "error: \(failure)\n")
        let quorum = try CommandRunner.run(["quorum", "--n", "3", "--w", "2", "--r", "2"], environment: noZ3)
        #expect(quorum.status == 2)
        #expect(quorum.stderr == "error: \(failure)\n")
    }

    @Test(arguments: [["bmc", "ricart-agrawala", "--depth", "3"], ["prove", "ricart-agrawala"]])
    func jsonReportsTheFailureAsAnError(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments + ["--json"], environment: noZ3)
        #expect(output.status == 2)
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(object?["verdict"] as? String == "error")
        #expect(object?["error"] as? String == failure)
    }

    #if os(Linux)
    /// A binary that linked libz3 would not even start here (the dynamic loader exits 127).
    @Test func unusableLibrariesUnderTheDefaultNamesAreReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kripke-no-z3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["libz3.so.4", "libz3.so"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        let inherited = ProcessInfo.processInfo.environment["LD_LIBRARY_PATH"].map { ":" + $0 } ?? ""
        let environment = ["LD_LIBRARY_PATH": folder.path + inherited, "KRIPKE_LIBZ3": ""]
        let list = try CommandRunner.run(["list"], environment: environment)
        #expect(list.status == 0)
        let bmc = try CommandRunner.run(["bmc", "ricart-agrawala", "--depth", "3"], environment: environment)
        #expect(bmc.status == 2)
        #expect(bmc.stderr.hasPrefix("error: Z3 could not be loaded: tried libz3.so.4 (\(folder.path)/libz3.so.4: "))
        #expect(bmc.stderr.contains("), libz3.so (\(folder.path)/libz3.so: "))
        #expect(bmc.stderr.hasSuffix("). Install it (Debian/Ubuntu: sudo apt-get install libz3-4, or libz3-dev; "
                                     + "macOS: brew install z3), or set KRIPKE_LIBZ3 to the path of libz3\n"))
    }
    #endif
}
