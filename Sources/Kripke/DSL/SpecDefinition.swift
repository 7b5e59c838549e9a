/// What the author of a spec expects a check at default parameters to conclude.
///
/// ```swift
/// let expect: Expectation = .violated   // a buggy variant
/// ```
public enum Expectation: String, Sendable, Codable {
    case holds, violated
}

/// A named, parameterised spec: what `kripke list` shows and `kripke check` instantiates.
///
/// ```swift
/// public static let correct = SpecDefinition(
///     name: "ricart-agrawala", summary: "Ricart–Agrawala mutual exclusion",
///     parameters: [ParameterDecl(name: "N", defaultValue: 3, range: 2...4)],
///     expectation: .holds) { s in build(s, variant: .correct) }
/// let ir = try correct.instantiate(["N": 2])
/// ```
public struct SpecDefinition: Sendable {
    public let name: String
    public let summary: String
    public let parameters: [ParameterDecl]
    public let expectation: Expectation
    /// Where the definition is written (reports point there for results that concern the whole spec).
    public let location: SourceLocation
    private let body: @Sendable (SpecBuilder) -> Void

    public init(name: String, summary: String, parameters: [ParameterDecl], expectation: Expectation,
                file: String = #fileID, line: Int = #line, path: String = #filePath,
                body: @escaping @Sendable (SpecBuilder) -> Void) {
        self.location = SourceLocation(file: file, line: line, path: path)
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.expectation = expectation
        self.body = body
    }

    /// Parameter values for a run: the defaults, overridden by `overrides`.
    /// Throws when a name is unknown or a value is outside the declared range.
    public func resolveParameters(_ overrides: [String: Int]) throws(SpecError) -> [String: Int] {
        var values: [String: Int] = [:]
        for parameter in parameters { values[parameter.name] = parameter.defaultValue }
        var problems: [SpecProblem] = []
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let parameter = parameters.first(where: { $0.name == name }) else {
                let known = parameters.map(\.name).joined(separator: ", ")
                problems.append(SpecProblem("unknown parameter '\(name)' (spec '\(self.name)' has: \(known.isEmpty ? "none" : known))",
                                            element: "parameter \(name)"))
                continue
            }
            guard parameter.range.contains(value) else {
                problems.append(SpecProblem(
                    "parameter \(name)=\(value) is outside its range \(parameter.lowerBound)...\(parameter.upperBound)",
                    element: "parameter \(name)"))
                continue
            }
            values[name] = value
        }
        if !problems.isEmpty { throw SpecError(spec: name, problems: problems) }
        return values
    }

    /// Build the IR for the given parameter overrides and validate it.
    public func instantiate(_ overrides: [String: Int] = [:]) throws(SpecError) -> SpecIR {
        let values = try resolveParameters(overrides)
        let context = BuildContext()
        let builder = SpecBuilder(parameters: values, context: context)
        BuildContext.$current.withValue(context) { body(builder) }
        var ir = builder.makeIR(name: name)
        ir.location = location
        let problems = context.problems + Validator(ir).problems()
        if !problems.isEmpty { throw SpecError(spec: name, problems: problems) }
        return ir
    }
}
