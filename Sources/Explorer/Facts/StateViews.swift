import Kripke

/// A state seen as a whole (its global variables and message counts), from one process (`i`) or one ordered pair of distinct processes (`i`, `j`) of a
/// role: a fixed list of named attributes — the process's variables, the messages it has in
/// flight, and for pairs the pair's variables and the messages between them. Facts are mined
/// over these attributes, so a fact about `i` holds for every process of the role.
///
/// ```swift
/// let views = StateViews(ir)
/// for (kind, process, values) in views.views(of: state) { /* values[a] is attribute a's value */ }
/// // views.attributes[.single(role: 0)]!.map(\.name) == ["phase[i]", "replies[i]", "in-flight request from i", …]
/// ```
struct StateViews {
    enum Kind: Hashable { case global, single(role: Int), pair(role: Int) }

    /// One attribute of a view: its name in facts (`phase[i]`), the variable or message kind it
    /// is about, and whom it describes (the whole view, or only `i` or only `j` of a pair).
    struct Attribute {
        enum Owner { case whole, i, j }
        let name: String
        let about: String
        let owner: Owner
        init(_ name: String, about: String, owner: Owner) { (self.name, self.about, self.owner) = (name, about, owner) }
    }

    /// Attributes per kind of view, in a fixed order.
    private(set) var attributes: [Kind: [Attribute]] = [:]
    private let ir: SpecIR
    private let globalVariables: [String]
    private var singleVariables: [Int: [String]] = [:]   // role → variables indexed by that role alone
    private var pairVariables: [Int: [String]] = [:]     // role → variables indexed by (role, role)

    init(_ ir: SpecIR) {
        self.ir = ir
        let kinds = ir.messages.map(\.name)
        globalVariables = ir.variables.filter(\.indices.isEmpty).map(\.name)
        attributes[.global] = globalVariables.map { Attribute($0, about: $0, owner: .whole) }
            + kinds.map { Attribute("in-flight \($0)", about: $0, owner: .whole) }
        for (index, role) in ir.roles.enumerated() {
            let byRole = IterationDomain.role(RoleID(index: index))
            singleVariables[index] = ir.variables.filter { $0.indices == [byRole] }.map(\.name)
            pairVariables[index] = ir.variables.filter { $0.indices == [byRole, byRole] }.map(\.name)
            let own = singleVariables[index]!
            attributes[.single(role: index)] = own.map { Attribute("\($0)[i]", about: $0, owner: .i) }
                + kinds.flatMap { [Attribute("in-flight \($0) from i", about: $0, owner: .i),
                                   Attribute("in-flight \($0) to i", about: $0, owner: .i)] }
            if role.count > 1 {
                attributes[.pair(role: index)] = pairVariables[index]!.map { Attribute("\($0)[i, j]", about: $0, owner: .whole) }
                    + kinds.map { Attribute("in-flight \($0) i → j", about: $0, owner: .whole) }
                    + own.map { Attribute("\($0)[i]", about: $0, owner: .i) }
                    + own.map { Attribute("\($0)[j]", about: $0, owner: .j) }
            }
        }
    }

    /// Every view of `state`: its kind, the processes it looks at, the attribute values.
    func views(of state: TraceState) -> [(kind: Kind, processes: [String], values: [Value])] {
        let messages = Self.messages(state)
        var result: [(Kind, [String], [Value])] = [(.global, [], globalVariables.map { state[$0] ?? .name("?") }
            + ir.messages.map { kind in Value.int(messages.count { $0.kind == kind.name }) })]
        for (index, role) in ir.roles.enumerated() {
            let names = (role.firstID..<(role.firstID + role.count)).map(ir.processName)
            for i in names {
                let own = singleVariables[index]!.map { Self.entry(state[$0], i) }
                let counts = ir.messages.flatMap { kind in
                    [Value.int(messages.count { $0.kind == kind.name && $0.from == i }),
                     Value.int(messages.count { $0.kind == kind.name && $0.to == i })]
                }
                result.append((.single(role: index), [i], own + counts))
            }
            guard role.count > 1 else { continue }
            for i in names {
                for j in names where j != i {
                    let pair = pairVariables[index]!.map { Self.entry(Self.entry(state[$0], i), j) }
                    let between = ir.messages.map { kind in
                        Value.int(messages.count { $0.kind == kind.name && $0.from == i && $0.to == j })
                    }
                    let ofI = singleVariables[index]!.map { Self.entry(state[$0], i) }
                    let ofJ = singleVariables[index]!.map { Self.entry(state[$0], j) }
                    result.append((.pair(role: index), [i, j], pair + between + ofI + ofJ))
                }
            }
        }
        return result
    }

    private static func entry(_ value: Value?, _ key: String) -> Value {
        guard case .map(let entries) = value, let found = entries.first(where: { $0.key == .name(key) }) else {
            return .name("?")
        }
        return found.value
    }

    /// The messages in flight (FIFO queues flattened), as kind, sender and receiver names.
    private static func messages(_ state: TraceState) -> [(kind: String, from: String, to: String)] {
        func records(_ value: Value?) -> [Value] {
            switch value {
            case .sequence(let messages): messages
            case .map(let channels): channels.flatMap { records($0.value) }
            default: []
            }
        }
        return records(state["network"]).compactMap { record in
            guard case .record(let fields) = record else { return nil }
            func field(_ name: String) -> String {
                if case .name(let text) = fields.first(where: { $0.name == name })?.value { return text }
                return "?"
            }
            return (field("kind"), field("from"), field("to"))
        }
    }
}
