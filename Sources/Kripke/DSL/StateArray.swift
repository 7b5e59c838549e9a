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
        get { Term(.variable(id, [index.expr])) }
        // `x[i] = value` in a step: the compiler points here with what to write instead.
        @available(*, unavailable, message: "a step assigns state with `<-`, not `=`: write `x[i] <- value`")
        nonmutating set {}
    }

    public subscript(_ first: Term<ProcessID>, _ second: Term<ProcessID>) -> Term<T> {
        get { Term(.variable(id, [first.expr, second.expr])) }
        // `x[i] = value` in a step: the compiler points here with what to write instead.
        @available(*, unavailable, message: "a step assigns state with `<-`, not `=`: write `x[i] <- value`")
        nonmutating set {}
    }

    public subscript(_ index: Term<Int>) -> Term<T> {
        get { Term(.variable(id, [index.expr])) }
        // `x[i] = value` in a step: the compiler points here with what to write instead.
        @available(*, unavailable, message: "a step assigns state with `<-`, not `=`: write `x[i] <- value`")
        nonmutating set {}
    }

    public subscript(_ first: Term<ProcessID>, _ second: Term<Int>) -> Term<T> {
        get { Term(.variable(id, [first.expr, second.expr])) }
        // `x[i] = value` in a step: the compiler points here with what to write instead.
        @available(*, unavailable, message: "a step assigns state with `<-`, not `=`: write `x[i] <- value`")
        nonmutating set {}
    }
}
