/// Where in a spec's Swift source an element was declared, so errors can point at it.
///
/// ```swift
/// let here = SourceLocation(file: #fileID, line: #line)
/// print(here)   // "Specs/RicartAgrawala.swift:42"
/// ```
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }

    /// Placeholder for statements whose line Swift cannot capture (operator assignments);
    /// reports use the enclosing action's location instead.
    public static let unknown = SourceLocation(file: "", line: 0)

    public var isKnown: Bool { line > 0 }
}
