/// The declared domain of a variable or field, typed by the Swift type its terms stand for.
///
/// ```swift
/// let clock = s.variable("clock", per: procs, in: .range(0...3), initial: 0)
/// let phase = s.variable("phase", per: procs, in: .cases(Phase.self), initial: .idle)
/// let holder = s.variable("holder", per: coordinator, in: .processOrNone(clients), initial: .none)
/// ```
public struct Domain<T>: Sendable {
    public let ir: ValueDomain
    init(_ ir: ValueDomain) { self.ir = ir }
}

extension Domain where T == Bool {
    public static var bool: Domain<Bool> { Domain(.bool) }
}

extension Domain where T == Int {
    public static func range(_ values: ClosedRange<Int>) -> Domain<Int> {
        Domain(.range(values.lowerBound, values.upperBound))
    }
}

extension Domain where T: Enumeration {
    public static func cases(_ type: T.Type) -> Domain<T> { Domain(T.valueDomain) }
}

extension Domain where T == ProcessID {
    /// A process id of `role`.
    public static func process(_ role: Role) -> Domain<ProcessID> { Domain(.process(role: role.id, optional: false)) }
    /// A process id of `role`, or `.none`.
    public static func processOrNone(_ role: Role) -> Domain<ProcessID> { Domain(.process(role: role.id, optional: true)) }
    /// A value of a scalarset (`SpecBuilder.scalarset`).
    public static func scalar(_ values: Role) -> Domain<ProcessID> { process(values) }
    /// A value of a scalarset, or `.none`.
    public static func scalarOrNone(_ values: Role) -> Domain<ProcessID> { processOrNone(values) }
}
