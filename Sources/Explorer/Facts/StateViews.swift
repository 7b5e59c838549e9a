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
    /// is about, whom it describes (the whole view, or only `i` or only `j` of a pair), and where
    /// its value comes from, to state a fact about it in the IR (`FactLemma`).
    struct Attribute {
        enum Owner { case whole, i, j }
        enum Subject { case i, j }
        enum Source {
            /// A variable read at the view's processes (none for a global).
            case variable(Int, at: [Subject])
            /// Messages of a kind in flight, from and to the view's processes where given.
            case inFlight(Int, from: Subject?, to: Subject?)
        }
        let name: String
        let about: String
        let owner: Owner
        let source: Source
        init(_ name: String, about: String, owner: Owner, source: Source) {
            (self.name, self.about, self.owner, self.source) = (name, about, owner, source)
        }
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
        let index = Dictionary(uniqueKeysWithValues: ir.variables.enumerated().map { ($1.name, $0) })
        let kindCount = ir.messages.count
        attributes[.global] = globalVariables.map { Attribute($0, about: $0, owner: .whole, source: .variable(index[$0]!, at: [])) }
            + (0..<kindCount).map { Attribute("in-flight \(kinds[$0])", about: kinds[$0], owner: .whole,
                                              source: .inFlight($0, from: nil, to: nil)) }
        for (roleIndex, role) in ir.roles.enumerated() {
            let byRole = IterationDomain.role(RoleID(index: roleIndex))
            singleVariables[roleIndex] = ir.variables.filter { $0.indices == [byRole] }.map(\.name)
            pairVariables[roleIndex] = ir.variables.filter { $0.indices == [byRole, byRole] }.map(\.name)
            let own = singleVariables[roleIndex]!
            func ownAttributes(_ subject: Attribute.Subject) -> [Attribute] {
                own.map { Attribute("\($0)[\(subject)]", about: $0, owner: subject == .i ? .i : .j,
                                    source: .variable(index[$0]!, at: [subject])) }
            }
            attributes[.single(role: roleIndex)] = ownAttributes(.i)
                + (0..<kindCount).flatMap { [Attribute("in-flight \(kinds[$0]) from i", about: kinds[$0], owner: .i,
                                                       source: .inFlight($0, from: .i, to: nil)),
                                             Attribute("in-flight \(kinds[$0]) to i", about: kinds[$0], owner: .i,
                                                       source: .inFlight($0, from: nil, to: .i))] }
            if role.count > 1 {
                attributes[.pair(role: roleIndex)] = pairVariables[roleIndex]!.map {
                    Attribute("\($0)[i, j]", about: $0, owner: .whole, source: .variable(index[$0]!, at: [.i, .j]))
                } + (0..<kindCount).map { Attribute("in-flight \(kinds[$0]) i → j", about: kinds[$0], owner: .whole,
                                                    source: .inFlight($0, from: .i, to: .j)) }
                    + ownAttributes(.i) + ownAttributes(.j)
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
        return records(state[TraceState.networkKey]).compactMap { record in
            guard case .record(let fields) = record else { return nil }
            func field(_ name: String) -> String {
                if case .name(let text) = fields.first(where: { $0.name == name })?.value { return text }
                return "?"
            }
            return (field("kind"), field("from"), field("to"))
        }
    }
}
