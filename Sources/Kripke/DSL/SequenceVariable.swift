/// A bounded sequence (TLA+'s `Seq(S)` with a maximum length, Promela's channel used as a
/// queue): a global FIFO of values, read and changed inside steps. It is kept as plain
/// variables, so every engine checks it; traces show it as one sequence, `<p1, p2>`.
///
/// ```swift
/// let queue = s.sequence("queue", of: .process(clients), capacity: 3)
/// s.action("ask", for: clients) { c in
///     Require(!queue.contains(c))
///     queue.append(c)
/// }
/// s.action("serve", for: clients) { c in
///     Require(!queue.isEmpty)
///     Require(queue.first == c)
///     queue.removeFirst()
/// }
/// ```
public struct SequenceVariable<T>: Sendable {
    let items: StateArray<T>
    /// The number of items: 0...capacity.
    public let count: Term<Int>
    public let capacity: Int
    /// What the cells past the end hold (the domain's first value).
    let filler: Term<T>

    public var isEmpty: Term<Bool> { count == 0 }
    public var isFull: Term<Bool> { count == .constant(capacity) }

    /// The item at position `index` (0-based); past the end, the filler value.
    public subscript(_ index: Term<Int>) -> Term<T> { items[index] }

    /// The oldest item (the filler when empty: guard with `!isEmpty`).
    public var first: Term<T> { items[0] }

    /// Whether some item equals `value`.
    public func contains(_ value: Term<T>) -> Term<Bool> {
        let position = BuildContext.active.freshBinding()
        let inside = Expr.binary(.lt, .binding(position), count.expr)
        let equal = Expr.binary(.eq, items[Term<Int>(.binding(position))].expr, value.expr)
        return Term(.aggregate(.exists, position, .range(0, capacity - 1), .binary(.and, inside, equal)))
    }

    /// Appends `value` at the end. Appending to a full sequence is a modelling error (the
    /// index is out of range): guard with `!isFull`, or raise the capacity.
    public func append(_ value: Term<T>) -> [Stmt] {
        [items[count] <- value, count <- count + 1]
    }

    /// Removes the oldest item (a modelling error when empty — the count leaves its domain: guard
    /// with `!isEmpty`); the others
    /// move up one place and the freed cell takes the filler, so equal sequences are equal states.
    public func removeFirst() -> [Stmt] {
        var statements: [Stmt] = []
        for position in 0..<(capacity - 1) {
            statements.append(items[.constant(position)] <- items[.constant(position + 1)])
        }
        statements.append(items[.constant(capacity - 1)] <- filler)
        statements.append(count <- count - 1)
        return statements
    }
}

extension SequenceVariable where T: Enumeration {
    /// Appends an enum case.
    public func append(_ value: T) -> [Stmt] { append(.value(value)) }
}

extension SpecBuilder {
    /// A global sequence of at most `capacity` values of `domain`, initially empty.
    ///
    /// ```swift
    /// let queue = s.sequence("queue", of: .process(clients), capacity: 3)
    /// ```
    public func sequence<T>(_ name: String, of domain: Domain<T>, capacity: Int, file: String = #fileID,
                            line: Int = #line) -> SequenceVariable<T> {
        let location = SourceLocation(file: file, line: line)
        let filler = Term<T>(.literal(domain.ir.values(roles: roles).first ?? 0))
        let items = declare(name, indices: [.range(0, max(capacity, 1) - 1)], domain: domain.ir,
                            initial: .value(filler.expr), bindings: [context.freshBinding()], ghost: false, location: location)
        let length = declare("\(name).count", indices: [], domain: .range(0, capacity), initial: .value(.literal(0)),
                             bindings: [], ghost: false, location: location)
        sequences.append(SequenceDecl(items: items, length: length))
        return SequenceVariable(items: StateArray(id: items, name: name), count: Term(.variable(length, [])),
                                capacity: max(capacity, 1), filler: filler)
    }
}
