/// An assertion of the spec: the `Assert` statements of its action bodies that share one message,
/// checked as one property (`assertion 'message'`) on every step that executes one of them.
///
/// ```swift
/// // Assert(ballot[p] <= maxBallot, "ballot stays bounded") in some action body
/// ir.assertions.map(\.message)   // ["ballot stays bounded"]
/// ir.assertion(named: "ballot stays bounded")   // 0
/// ```
public struct AssertionDecl: Hashable, Sendable {
    /// The message the `Assert` statements give, which names the property.
    public let message: String
    /// Where the first of them is written.
    public let location: SourceLocation
}

extension SpecIR {
    /// The spec's assertions, one per distinct message, in the order of the actions and of the
    /// statements within each action.
    public var assertions: [AssertionDecl] {
        var found: [AssertionDecl] = []
        func collect(_ block: [Stmt]) {
            for statement in block {
                if case .assert(_, let message, let location) = statement, !found.contains(where: { $0.message == message }) {
                    found.append(AssertionDecl(message: message, location: location))
                }
                for nested in statement.blocks { collect(nested) }
            }
        }
        for action in actions { collect(action.body) }
        return found
    }

    /// The index in `assertions` of the assertion with `message`.
    public func assertion(named message: String) -> Int? {
        assertions.firstIndex { $0.message == message }
    }

    /// Whether some action body holds an `Assert`.
    public var hasAssertions: Bool { !assertions.isEmpty }
}

extension SpecIR {
    /// The spec with every `Assert` statement removed (`kripke check --no-invariants`: deadlocks only).
    ///
    /// ```swift
    /// let deadlocksOnly = ir.keepingInvariants(named: []).withoutAssertions
    /// ```
    public var withoutAssertions: SpecIR {
        func strip(_ block: [Stmt]) -> [Stmt] {
            block.compactMap { statement in
                switch statement {
                case .assert: nil
                case .ifThenElse(let condition, let then, let otherwise): .ifThenElse(condition, then: strip(then), else: strip(otherwise))
                case .forEach(let binding, let domain, let except, let body): .forEach(binding, domain, except: except, body: strip(body))
                default: statement
                }
            }
        }
        var copy = self
        copy.actions = actions.map { action in
            ActionDecl(name: action.name, role: action.role, process: action.process, parameters: action.parameters,
                       trigger: action.trigger, body: strip(action.body), location: action.location)
        }
        return copy
    }
}
