import Kripke
import Synchronization

/// The specs a `kripke` executable offers. The built-in executable installs `SpecLibrary.all`;
/// a user's own executable installs its own specs and gets the same commands.
///
/// ```swift
/// SpecCatalog.install(SpecLibrary.all + [MyProtocol.spec])
/// KripkeMain.run()
/// ```
public enum SpecCatalog {
    private static let storage = Mutex<[SpecDefinition]>([])

    public static func install(_ specs: [SpecDefinition]) {
        storage.withLock { $0 = specs }
    }

    public static var specs: [SpecDefinition] { storage.withLock { $0 } }

    /// The spec named `name`, or an error listing the names there are.
    static func spec(named name: String) throws -> SpecDefinition {
        if let spec = specs.first(where: { $0.name == name }) { return spec }
        let close = NearestNames.closest(to: name, among: specs.map(\.name))
        let hint = close.isEmpty ? "" : " Did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"
        throw CLIError("unknown spec '\(name)'.\(hint) `kripke list` shows all \(specs.count).")
    }
}

/// A user-facing error of the command line: printed as `error: …`, exit code 2.
///
/// ```swift
/// throw CLIError("unknown spec 'foo'")
/// ```
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
