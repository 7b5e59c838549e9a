/// Index of a process role (a group of processes such as "clients") in `SpecIR.roles`.
///
/// ```swift
/// let clients = RoleID(index: 0)
/// ```
public struct RoleID: Hashable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
}

/// Index of a state variable in `SpecIR.variables`.
///
/// ```swift
/// let phase = VariableID(index: 0)
/// ```
public struct VariableID: Hashable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
}

/// Index of a message kind in `SpecIR.messages`.
///
/// ```swift
/// let request = MessageKindID(index: 0)
/// ```
public struct MessageKindID: Hashable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
}

/// A bound name inside an action, handler, loop or quantifier (a process id, a chosen value).
/// Bindings are numbered per spec; engines keep one slot per binding.
///
/// ```swift
/// let i = BindingID(index: 0)
/// ```
public struct BindingID: Hashable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
}
