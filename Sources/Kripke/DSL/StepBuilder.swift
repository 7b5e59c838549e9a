/// Result builder for action and handler bodies: one statement per line.
/// Swift `if`/`for` inside a body run at build time (e.g. to choose a spec variant);
/// use `If` and `ForEach` for conditions and loops over the state.
///
/// ```swift
/// s.action("enter", for: procs) { i in
///     Require(phase[i] == .waiting)
///     phase[i] <- .critical
///     if variant == .buggy { turn <- i }
/// }
/// ```
@resultBuilder
public enum StepBuilder {
    public static func buildExpression(_ statement: Stmt) -> [Stmt] { [statement] }
    public static func buildExpression(_ statements: [Stmt]) -> [Stmt] { statements }
    public static func buildBlock(_ parts: [Stmt]...) -> [Stmt] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Stmt]?) -> [Stmt] { part ?? [] }
    public static func buildEither(first part: [Stmt]) -> [Stmt] { part }
    public static func buildEither(second part: [Stmt]) -> [Stmt] { part }
    public static func buildArray(_ parts: [[Stmt]]) -> [Stmt] { parts.flatMap { $0 } }

    /// A Swift assignment (`x = value`) in a step: it would change a Swift value once, when the
    /// spec is built, not the state. The compiler points here with what to write instead.
    @available(*, unavailable, message: "a step assigns state with `<-`, not `=`: write `x <- value`")
    public static func buildExpression(_ assignment: Void) -> [Stmt] { [] }
}
