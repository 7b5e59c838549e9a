/// A typed payload field of a message kind.
///
/// ```swift
/// let ts = Field("ts", .range(0...4))
/// let request = s.message("request", ts)
/// Send(request.with(ts, clock[i]), from: i, to: j)
/// On(request) … m[ts]
/// ```
public struct Field<T>: Sendable {
    public let name: String
    public let domain: Domain<T>
    public init(_ name: String, _ domain: Domain<T>) {
        self.name = name
        self.domain = domain
    }
    var decl: FieldDecl { FieldDecl(name: name, domain: domain.ir) }
}

/// Type-erased field, for declaring a message kind's fields.
///
/// ```swift
/// let kind = s.message("accept", ballot, value)   // fields as AnyField
/// ```
public protocol AnyField: Sendable {
    var fieldDecl: FieldDecl { get }
}

extension Field: AnyField {
    public var fieldDecl: FieldDecl { decl }
}

/// A message kind declared with `SpecBuilder.message`.
///
/// ```swift
/// let grant = s.message("grant")
/// Send(grant, from: coordinator.only, to: c)
/// ```
public struct MessageKind: Sendable {
    public let id: MessageKindID
    public let name: String
    public let fields: [FieldDecl]

    /// A payload of this kind with `field` set to `value`; chain `.with` for more fields.
    public func with<T>(_ field: Field<T>, _ value: Term<T>) -> Payload {
        Payload(kind: self, values: []).with(field, value)
    }

    public func with<T: Enumeration>(_ field: Field<T>, _ value: T) -> Payload {
        with(field, Term<T>.value(value))
    }
}

/// A message kind with its field values, ready to `Send`.
///
/// ```swift
/// Send(promise.with(ballot, b).with(accepted, v), from: a, to: m.sender)
/// ```
public struct Payload: Sendable {
    public let kind: MessageKind
    public let values: [(name: String, expr: Expr)]

    public func with<T>(_ field: Field<T>, _ value: Term<T>) -> Payload {
        Payload(kind: kind, values: values + [(field.name, value.expr)])
    }

    public func with<T: Enumeration>(_ field: Field<T>, _ value: T) -> Payload {
        with(field, Term<T>.value(value))
    }
}

/// The message a handler is processing: its sender, receiver and fields.
///
/// ```swift
/// s.on(request, at: procs) { m in
///     Require(m[ts] <= clock[m.receiver])
///     Send(reply, from: m.receiver, to: m.sender)
/// }
/// ```
public struct Delivery: Sendable {
    public let kind: MessageKind
    public let sender: Term<ProcessID>
    public let receiver: Term<ProcessID>
    /// The `InFlight` filter depth at which this message's fields are the current ones.
    let depth: Int

    /// The field's value. Inside an `InFlight` filter only the filtered message's fields can be
    /// read: an enclosing handler's (or outer filter's) message fields would silently mean the
    /// filtered message's, so reading one is reported as a spec error.
    public subscript<T>(_ field: Field<T>) -> Term<T> {
        let context = BuildContext.active
        guard let position = kind.fields.firstIndex(where: { $0.name == field.name }) else {
            context.report(SpecProblem(
                "message '\(kind.name)' has no field '\(field.name)'", element: "message \(kind.name)"))
            return Term(.literal(0))
        }
        if context.filterDepth != depth {
            context.report(SpecProblem(
                "field '\(field.name)' of an enclosing '\(kind.name)' message is read inside an InFlight filter, where "
                + "fields are the filtered message's; compare it outside the filter (e.g. quantify over its values)",
                element: "message \(kind.name)"))
        }
        return Term(.messageField(position))
    }
}
