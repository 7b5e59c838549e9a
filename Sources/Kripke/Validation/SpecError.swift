/// One mistake in a spec, naming the element it concerns and, where known, its source line.
///
/// ```swift
/// let p = SpecProblem("initial value 5 of 'clock' is outside 0...3", element: "variable clock")
/// print(p)   // "variable clock: initial value 5 of 'clock' is outside 0...3"
/// ```
public struct SpecProblem: Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public let element: String
    public let location: SourceLocation?

    public init(_ message: String, element: String, location: SourceLocation? = nil) {
        self.message = message
        self.element = element
        self.location = location
    }

    public var description: String {
        let place = location.map { " (\($0))" } ?? ""
        return "\(element): \(message)\(place)"
    }
}

/// A spec that cannot be checked: bad parameters or a malformed model. Engines never run on it.
///
/// ```swift
/// do { _ = try spec.instantiate(["N": 99]) }
/// catch { print(error) }   // "spec 'ricart-agrawala' is invalid: parameter N: parameter N=99 is outside …"
/// ```
public struct SpecError: Error, Sendable, CustomStringConvertible {
    public let spec: String
    public let problems: [SpecProblem]

    public init(spec: String, problems: [SpecProblem]) {
        self.spec = spec
        self.problems = problems
    }

    public var description: String {
        let lines = problems.map { "  - \($0)" }.joined(separator: "\n")
        return "spec '\(spec)' is invalid:\n\(lines)"
    }
}
