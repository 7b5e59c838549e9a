import Foundation
import Kripke

/// Where a declaration lives, as a file reference that CI tools resolve: the path relative to a
/// root directory (the directory `kripke` runs in, normally the repository's root), or the full
/// path when it lies outside it.
///
/// ```swift
/// let reference = SourceReference(location, root: "/src/app")
/// print(reference.relativePath ?? reference.path)   // "Specs/Consensus/Paxos.swift"
/// ```
public struct SourceReference: Sendable, Equatable {
    /// The file's full path, or the Swift `#fileID` where the full path is not known.
    public let path: String
    /// The path relative to the root, when the file lies under it.
    public let relativePath: String?
    public let line: Int

    public init(_ location: SourceLocation, root: String = FileManager.default.currentDirectoryPath) {
        path = location.path ?? location.file
        line = location.line
        let prefix = root.hasSuffix("/") ? root : root + "/"
        relativePath = location.path.flatMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil }
    }

    /// The reference as JUnit's `file` attribute and SARIF's `uri` show it.
    public var displayPath: String { relativePath ?? path }
}
