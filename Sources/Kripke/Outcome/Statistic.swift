/// A named figure or option of a run, as the JSON result and the reports show it.
///
/// ```swift
/// let states = Statistic("states", .int(2_196_650))
/// let por = Statistic("partialOrder", .group([Statistic("reducedStates", .int(12))]))
/// ```
public struct Statistic: Sendable, Equatable {
    /// A statistic's value: a number, text, a flag, a group of named values or a list of groups.
    public indirect enum Value: Sendable, Equatable {
        case int(Int)
        case number(Double)
        case text(String)
        case bool(Bool)
        case texts([String])
        case group([Statistic])
        case list([Value])
        /// Known not to apply (JSON `null`).
        case absent
    }

    public let name: String
    public let value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}
