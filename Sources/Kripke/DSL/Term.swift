/// A typed expression of the DSL. `T` is the Swift type it stands for (`Int`, `Bool`,
/// `ProcessID`, or an `Enumeration`); the IR underneath is an untyped `Expr`.
///
/// Integer and boolean literals convert to terms, so `clock[i] + 1` and `Require(done[i] == true)`
/// read naturally.
///
/// ```swift
/// let next: Term<Int> = clock[i] + 1
/// let waiting: Term<Bool> = phase[i] == .waiting
/// ```
public struct Term<T>: Sendable {
    public let expr: Expr
    public init(_ expr: Expr) { self.expr = expr }
}

extension Term: ExpressibleByIntegerLiteral where T == Int {
    public init(integerLiteral value: Int) { self.init(.literal(value)) }
}

extension Term: ExpressibleByBooleanLiteral where T == Bool {
    public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
}

extension Term where T == Int {
    /// A constant integer term (for values computed at build time, e.g. from parameters).
    public static func constant(_ value: Int) -> Term<Int> { Term(.literal(value)) }
}

extension Term where T == Bool {
    /// A constant boolean term.
    public static func constant(_ value: Bool) -> Term<Bool> { Term(.bool(value)) }
}

extension Term where T: Enumeration {
    /// The term for one enum case.
    public static func value(_ value: T) -> Term<T> { Term(.literal(value.ordinal)) }
}

/// A process id value. In terms, `Term<ProcessID>` is bound by actions, handlers and quantifiers;
/// `Term<ProcessID>.none` is the "no process" value of optional process variables.
///
/// ```swift
/// Require(holder[c] == .none)
/// holder[c] <- m.sender
/// ```
public enum ProcessID: Sendable {
    /// The IR value that stands for "no process".
    public static let noneValue = -1
}

extension Term where T == ProcessID {
    /// "No process", for optional process-id variables.
    public static var none: Term<ProcessID> { Term(.literal(ProcessID.noneValue)) }
}

/// A Swift enum usable as a state or field domain. Cases are numbered in `allCases` order.
///
/// ```swift
/// enum Phase: Enumeration { case idle, waiting, critical }
/// ```
public protocol Enumeration: CaseIterable, Hashable, Sendable {}

extension Enumeration {
    /// Position of the case in `allCases`: its IR value.
    public var ordinal: Int {
        Array(Self.allCases).firstIndex(of: self)!
    }

    /// The IR domain of this enum.
    public static var valueDomain: ValueDomain {
        .enumeration(name: String(describing: Self.self), cases: Self.allCases.map { String(describing: $0) })
    }
}
