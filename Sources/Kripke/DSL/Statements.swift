// The statements of action bodies: Require, <-, Send, If, ForEach.

infix operator <- : AssignmentPrecedence

/// The step is enabled only when `condition` holds.
///
/// ```swift
/// Require(phase[i] == .idle)
/// ```
public func Require(_ condition: Term<Bool>, file: String = #fileID, line: Int = #line) -> Stmt {
    .require(condition.expr, at: SourceLocation(file: file, line: line))
}

/// `Require(x = value)`: an assignment where a condition belongs. The compiler points here.
@available(*, unavailable, message: "Require takes a condition: compare with `==` (`=` assigns)")
public func Require(_ assignment: Void, file: String = #fileID, line: Int = #line) -> Stmt { fatalError() }

/// Assignment of a state variable: `phase[i] <- .waiting`, `clock[i] <- clock[i] + 1`.
/// (Operators cannot see their caller's line; errors point at the enclosing action instead.)
public func <- <T>(target: Term<T>, value: Term<T>) -> Stmt {
    Assign(target, value, file: SourceLocation.unknown.file, line: SourceLocation.unknown.line)
}

/// Assignment of an enum case: `phase[i] <- .critical`.
public func <- <T: Enumeration>(target: Term<T>, value: T) -> Stmt {
    Assign(target, .value(value), file: SourceLocation.unknown.file, line: SourceLocation.unknown.line)
}

/// Method twin of `<-` that also records the source line.
///
/// ```swift
/// Assign(clock[i], clock[i] + 1)
/// ```
public func Assign<T>(_ target: Term<T>, _ value: Term<T>, file: String = #fileID, line: Int = #line) -> Stmt {
    let location = SourceLocation(file: file, line: line)
    guard case .variable(let variable, let indices) = target.expr else {
        BuildContext.active.report(SpecProblem(
            "the left side of an assignment must be a state variable", element: "assignment", location: location))
        return .require(.bool(true), at: location)
    }
    return .assign(variable, indices: indices, value: value.expr, at: location)
}

/// Send a message without payload.
///
/// ```swift
/// Send(grant, from: coordinator.only, to: m.sender)
/// ```
public func Send(_ kind: MessageKind, from sender: Term<ProcessID>, to receiver: Term<ProcessID>,
                 file: String = #fileID, line: Int = #line) -> Stmt {
    Send(Payload(kind: kind, values: []), from: sender, to: receiver, file: file, line: line)
}

/// Send a message with its payload fields.
///
/// ```swift
/// Send(request.with(ts, clock[i]), from: i, to: j)
/// ```
public func Send(_ payload: Payload, from sender: Term<ProcessID>, to receiver: Term<ProcessID>,
                 file: String = #fileID, line: Int = #line) -> Stmt {
    let location = SourceLocation(file: file, line: line)
    var fields: [Expr] = []
    for field in payload.kind.fields {
        let given = payload.values.filter { $0.name == field.name }
        if given.count != 1 {
            let issue = given.isEmpty ? "is not set" : "is set \(given.count) times"
            BuildContext.active.report(SpecProblem(
                "field '\(field.name)' of message '\(payload.kind.name)' \(issue)",
                element: "message \(payload.kind.name)", location: location))
        }
        fields.append(given.first?.expr ?? .literal(0))
    }
    for value in payload.values where !payload.kind.fields.contains(where: { $0.name == value.name }) {
        BuildContext.active.report(SpecProblem(
            "message '\(payload.kind.name)' has no field '\(value.name)'",
            element: "message \(payload.kind.name)", location: location))
    }
    return .send(payload.kind.id, fields: fields, from: sender.expr, to: receiver.expr, at: location)
}

/// Conditional statement over the state.
///
/// ```swift
/// If(holder == .none) {
///     holder <- m.sender
/// } else: {
///     waiting[m.sender] <- true
/// }
/// ```
public func If(_ condition: Term<Bool>, @StepBuilder then: () -> [Stmt],
               @StepBuilder else otherwise: () -> [Stmt] = { [] }) -> Stmt {
    .ifThenElse(condition.expr, then: then(), else: otherwise())
}

/// Send one message to every process of `role` but `skipped` (typically the sender itself): a
/// broadcast, the same steps as a `ForEach` over the role with a `Send` in it.
///
/// ```swift
/// Broadcast(request.with(ts, clock[i]), from: i, to: procs, except: i)
/// ```
public func Broadcast(_ payload: Payload, from sender: Term<ProcessID>, to role: Role,
                      except skipped: Term<ProcessID>? = nil, file: String = #fileID, line: Int = #line) -> Stmt {
    ForEach(role, except: skipped) { receiver in Send(payload, from: sender, to: receiver, file: file, line: line) }
}

/// Broadcast a message without payload fields.
///
/// ```swift
/// Broadcast(ping, from: i, to: procs, except: i)
/// ```
public func Broadcast(_ kind: MessageKind, from sender: Term<ProcessID>, to role: Role,
                      except skipped: Term<ProcessID>? = nil, file: String = #fileID, line: Int = #line) -> Stmt {
    Broadcast(Payload(kind: kind, values: []), from: sender, to: role, except: skipped, file: file, line: line)
}

/// Run the body once per process of `role` (optionally skipping one), e.g. to broadcast.
///
/// ```swift
/// ForEach(procs, except: i) { j in
///     Send(request.with(ts, clock[i]), from: i, to: j)
/// }
/// ```
public func ForEach(_ role: Role, except skipped: Term<ProcessID>? = nil,
                    @StepBuilder _ body: (Term<ProcessID>) -> [Stmt]) -> Stmt {
    let binding = BuildContext.active.freshBinding()
    return .forEach(binding, role.domain, except: skipped?.expr, body: body(Term(.binding(binding))))
}

/// An assertion checked when the step runs (TLC's `Assert`, SPIN's `assert`): a step that
/// executes it with `condition` false violates the property `assertion 'message'`, and the
/// counterexample ends with that step. Unlike `Require`, it does not disable the step; unlike an
/// invariant, it can read the step's bindings (process, chosen values, the message handled) and
/// the values of the state as the step's earlier statements left them.
///
/// ```swift
/// s.on(accepted, at: learners) { m in
///     Assert(m[ballot] <= promised[m.sender], "an acceptor accepts no ballot below its promise")
///     votes[m.receiver] <- votes[m.receiver] + 1
/// }
/// ```
public func Assert(_ condition: Term<Bool>, _ message: String, file: String = #fileID, line: Int = #line) -> Stmt {
    .assert(condition.expr, message: message, at: SourceLocation(file: file, line: line))
}
