/// A state variable indexed by processes (a per-process array, or a matrix over two roles).
/// Subscripting gives a `Term` that can be read or assigned with `<-`.
///
/// ```swift
/// let phase = s.variable("phase", per: procs, in: .cases(Phase.self), initial: .idle)
/// phase[i] <- .waiting
/// let replied = s.variable("replied", per: procs, procs, in: .bool, initial: false)
/// Require(replied[i, j] == false)
/// ```
public struct StateArray<T>: Sendable {
    public let id: VariableID
    public let name: String

    public subscript(_ index: Term<ProcessID>) -> Term<T> {
        Term(.variable(id, [index.expr]))
    }

    public subscript(_ first: Term<ProcessID>, _ second: Term<ProcessID>) -> Term<T> {
        Term(.variable(id, [first.expr, second.expr]))
    }

    public subscript(_ index: Term<Int>) -> Term<T> {
        Term(.variable(id, [index.expr]))
    }

    public subscript(_ first: Term<ProcessID>, _ second: Term<Int>) -> Term<T> {
        Term(.variable(id, [first.expr, second.expr]))
    }
}
