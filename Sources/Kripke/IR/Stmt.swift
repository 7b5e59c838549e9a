/// A statement of an action or handler body. Statements run in order within one atomic step;
/// a later statement sees the writes of an earlier one (sequential semantics, as in PlusCal
/// labels or Promela `d_step`s).
///
/// ```swift
/// // Require(phase[i] == idle); phase[i] <- waiting
/// let body: [Stmt] = [
///     .require(cond, at: loc),
///     .assign(VariableID(index: 0), indices: [.binding(i)], value: .literal(1), at: loc),
/// ]
/// ```
public indirect enum Stmt: Hashable, Sendable {
    /// The step is enabled only if `condition` holds here.
    case require(Expr, at: SourceLocation)
    /// Write `value` to the variable at `indices`. Writing one variable slot twice in a step is an error.
    case assign(VariableID, indices: [Expr], value: Expr, at: SourceLocation)
    /// Put a message of kind `kind` with `fields` (one per declared field, in order) on the network.
    case send(MessageKindID, fields: [Expr], from: Expr, to: Expr, at: SourceLocation)
    /// A step that executes this with `condition` false violates the assertion named `message`
    /// (TLC's `Assert`, SPIN's `assert`); the step still completes.
    case assert(Expr, message: String, at: SourceLocation)
    case ifThenElse(Expr, then: [Stmt], else: [Stmt])
    /// Run `body` for each value of `domain` (skipping `except` when given), binding it to `binding`.
    case forEach(BindingID, IterationDomain, except: Expr?, body: [Stmt])
}
