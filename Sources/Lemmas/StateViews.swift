import Kripke

/// A state seen as a whole (its global variables and message counts), from one process (`i`) or
/// one ordered pair of distinct processes (`i`, `j`) of a role: a fixed list of named attributes —
/// the process's variables, the messages it has in flight, and for pairs the pair's variables and
/// the messages between them — read off a raw frame as raw values. Facts are mined over these
/// attributes, so a fact about `i` holds for every process of the role.
///
/// ```swift
/// let views = StateViews(ir)
/// for (kind, processes, values) in views.views(of: frame) { /* values[a] is attribute a's raw value */ }
/// // views.attributes[.single(role: 0)]!.map(\.name) == ["phase[i]", "replies[i]", "in-flight request from i", …]
/// ```
struct StateViews: Sendable {
    enum Kind: Hashable, Sendable { case global, single(role: Int), pair(role: Int) }

    /// One attribute of a view: its name in facts (`phase[i]`), the variable or message kind it
    /// is about, whom it describes (the whole view, or only `i` or only `j` of a pair), and where
    /// its value comes from, to state a fact about it in the IR (`FactLemma`).
    struct Attribute: Sendable {
        enum Owner: Sendable { case whole, i, j }
        enum Subject: Sendable { case i, j }
        enum Source: Sendable {
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
    private let namer: TraceNamer
    private let globalVariables: [String]
    private var singleVariables: [Int: [String]] = [:]   // role → variables indexed by that role alone
    private var pairVariables: [Int: [String]] = [:]     // role → variables indexed by (role, role)
    private let variableIndex: [String: Int]

    init(_ ir: SpecIR) {
        self.ir = ir
        namer = TraceNamer(ir)
        let kinds = ir.messages.map(\.name)
        globalVariables = ir.variables.filter(\.indices.isEmpty).map(\.name)
        let index = Dictionary(uniqueKeysWithValues: ir.variables.enumerated().map { ($1.name, $0) })
        variableIndex = index
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

    /// Every view of `frame`: its kind, the processes it looks at, the attributes' raw values.
    func views(of frame: RawFrame) -> [(kind: Kind, processes: [Int], values: [Int])] {
        let messages = frame.messages.map { (kind: namer.numbering.kind(of: $0.code), from: $0.sender, to: $0.receiver) }
        func cell(_ name: String, _ at: [Int]) -> Int {
            let variable = variableIndex[name]!
            let offset = zip(namer.cells.dimensions[variable], at).reduce(0) { $0 + ($1.1 - $1.0.lower) * $1.0.stride }
            return frame.cells[namer.cells.bases[variable] + offset]
        }
        var result: [(Kind, [Int], [Int])] = [(.global, [], globalVariables.map { cell($0, []) }
            + ir.messages.indices.map { kind in messages.count { $0.kind == kind } })]
        for (index, role) in ir.roles.enumerated() {
            let ids = Array(role.firstID..<(role.firstID + role.count))
            for i in ids {
                let own = singleVariables[index]!.map { cell($0, [i]) }
                let counts = ir.messages.indices.flatMap { kind in
                    [messages.count { $0.kind == kind && $0.from == i }, messages.count { $0.kind == kind && $0.to == i }]
                }
                result.append((.single(role: index), [i], own + counts))
            }
            guard role.count > 1 else { continue }
            for i in ids {
                for j in ids where j != i {
                    let pair = pairVariables[index]!.map { cell($0, [i, j]) }
                    let between = ir.messages.indices.map { kind in
                        messages.count { $0.kind == kind && $0.from == i && $0.to == j }
                    }
                    let ofI = singleVariables[index]!.map { cell($0, [i]) }
                    let ofJ = singleVariables[index]!.map { cell($0, [j]) }
                    result.append((.pair(role: index), [i, j], pair + between + ofI + ofJ))
                }
            }
        }
        return result
    }

    /// How a raw value of `attribute` reads: a variable's value in its domain, a count as a number.
    func display(_ raw: Int, of attribute: Attribute) -> String {
        guard case .variable(let variable, _) = attribute.source else { return String(raw) }
        return namer.value(raw, in: ir.variables[variable].domain).description
    }

    /// Whether `attribute` is a number (an integer range or a count), which facts may order.
    func isNumber(_ attribute: Attribute) -> Bool {
        guard case .variable(let variable, _) = attribute.source else { return true }
        if case .range = ir.variables[variable].domain { return true }
        return false
    }

    /// A process's name, for the processes a view looks at.
    func processName(_ id: Int) -> String { ir.processName(id) }
}
