/// An ITF trace that another tool wrote (Apalache, Quint, a test generator): its variables and,
/// per state, the text of each value and the action that led there when the file says so (Quint's
/// model-based-testing variable `mbt::actionTaken`). It has no processes or messages, so Kripke
/// shows it as the variables that changed per step (`ForeignTraceFormatter`) and cannot replay it.
///
/// ```swift
/// if case .foreign(let trace) = try ITF.read(document) {
///     print(trace.source ?? "unknown tool", trace.states.count, trace.actions[1] ?? "step")
/// }
/// ```
public struct ForeignTrace: Sendable, Equatable {
    /// The variable in which Quint's model-based-testing mode names each state's action.
    public static let actionVariable = "mbt::actionTaken"

    /// What the trace's `#meta` names as its source (Apalache and Quint write the spec file), if any.
    public let source: String?
    /// The variables in the order of `vars`, without `actionVariable`.
    public let variables: [String]
    /// Per state, the text of each variable's value (`ITFValueText`).
    public let states: [[String: String]]
    /// Per state, the action that led to it when the trace names one (`actions[0]` is the initial state's).
    public let actions: [String?]

    /// Reads the trace of an ITF document; every value must be valid ITF.
    public init(_ document: JSONValue) throws(ITFError) {
        guard case .array(let varList)? = document["vars"] else { throw ITFError("missing 'vars'") }
        guard case .array(let stateList)? = document["states"] else { throw ITFError("missing 'states'") }
        let names = try varList.map { item throws(ITFError) -> String in
            guard case .string(let name) = item else { throw ITFError("'vars' must hold strings") }
            return name
        }
        guard !stateList.isEmpty else { throw ITFError("the trace has no states") }
        var states: [[String: String]] = []
        var actions: [String?] = []
        for (index, entry) in stateList.enumerated() {
            var values: [String: String] = [:]
            for name in names {
                guard let raw = entry[name] else { throw ITFError("state \(index) has no value for '\(name)'") }
                values[name] = try ITFValueText.describe(raw)
            }
            if case .string(let action)? = entry[Self.actionVariable] { actions.append(action) } else { actions.append(nil) }
            states.append(values)
        }
        if case .string(let source)? = document["#meta"]?["source"] { self.source = source } else { self.source = nil }
        self.variables = names.filter { $0 != Self.actionVariable }
        self.states = states
        self.actions = actions
    }
}
