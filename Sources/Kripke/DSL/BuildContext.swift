import Synchronization

/// The spec being built on the current task: hands out fresh bindings to quantifiers and loops
/// and collects the mistakes found while building, so DSL functions need no builder argument.
///
/// ```swift
/// let context = BuildContext()
/// BuildContext.$current.withValue(context) { /* run the spec body */ }
/// ```
public final class BuildContext: Sendable {
    @TaskLocal public static var current: BuildContext?

    private struct State {
        var nextBinding = 0
        var problems: [SpecProblem] = []
        var filterDepth = 0
    }
    private let state = Mutex(State())

    public init() {}

    /// A binding no other expression of this spec uses.
    public func freshBinding() -> BindingID {
        state.withLock { state in
            defer { state.nextBinding += 1 }
            return BindingID(index: state.nextBinding)
        }
    }

    public var bindingCount: Int { state.withLock { $0.nextBinding } }

    public func report(_ problem: SpecProblem) {
        state.withLock { $0.problems.append(problem) }
    }

    public var problems: [SpecProblem] { state.withLock { $0.problems } }

    /// How many `InFlight` filters enclose the term being built (0 in a handler or action body).
    var filterDepth: Int { state.withLock { $0.filterDepth } }

    /// Builds `body` one `InFlight` filter deeper.
    func insideFilter<T>(_ body: () -> T) -> T {
        state.withLock { $0.filterDepth += 1 }
        defer { state.withLock { $0.filterDepth -= 1 } }
        return body()
    }

    /// The current context; DSL functions used outside a spec body get a detached one,
    /// whose problems are lost — building always happens through `SpecDefinition.instantiate`.
    static var active: BuildContext { current ?? BuildContext() }
}
