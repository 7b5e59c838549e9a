/// Where in a spec's Swift source an element was declared, so errors can point at it.
///
/// ```swift
/// let here = SourceLocation(file: #fileID, line: #line)
/// print(here)   // "Specs/RicartAgrawala.swift:42"
/// ```
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The Swift `#fileID` (`Module/File.swift`): short, for messages.
    public let file: String
    public let line: Int
    /// The full path (`#filePath`) where it is known: reports that link to the source use it.
    public let path: String?

    public init(file: String, line: Int, path: String? = nil) {
        self.file = file
        self.line = line
        self.path = path
    }

    public var description: String { "\(file):\(line)" }

    /// Placeholder for statements whose line Swift cannot capture (operator assignments);
    /// reports use the enclosing action's location instead.
    public static let unknown = SourceLocation(file: "", line: 0)

    public var isKnown: Bool { line > 0 }
}
