/// Up-sets of the invariants: for a state where every invariant holds, a set of transition groups
/// one of which every run from that state to a violation must take. A stubborn set that contains
/// an up-set keeps every invariant violation reachable, with no cycle proviso (Schmidt,
/// "Stubborn sets for standard properties", ICATPN 1999; Lehmann, Lohmann, Wolf, "Stubborn sets
/// for simple linear time properties", Petri Nets 2012): the first step of such a run that lies in
/// the set commutes to the front, and the rest of the run is one step shorter.
///
/// The invariants are unfolded into a tree of `and`, `or`, `not`, `Count(…) ≤ k` and leaves,
/// quantifiers over processes expanded into one child per process. Per state, the search
/// evaluates the leaves and walks down from each invariant: to make a true `and` false some child
/// must turn false (every child's set); to make a false `and` true, one particular false child
/// must turn true (the smallest set among them); `or` dually; `Count(…) ≤ k` turns false only
/// if a false child turns true. A leaf's sets are static: the groups that may raise it (false to
/// true) and those that may lower it, by evaluating it over value sets before a step (cells a
/// leading `Require` fixes) and after it (cells the step writes). So in `Count(i: phase[i] ==
/// critical) ≤ 1` only the steps that may set some waiting `phase[i]` to `critical` are in the
/// up-set, not the steps leaving the critical section.
///
/// ```swift
/// let upSets = relation.upSets
/// upSets.roots                      // one node per invariant
/// upSets.leaves[0].raisers          // groups that may make leaf 0 true
/// ```
public struct ViolationUpSets: Sendable {
    /// A node of the unfolded invariants; children come before their parents in `nodes`.
    public struct Node: Sendable {
        public enum Kind: Sendable, Equatable {
            case all, any, not
            /// True while at most `k` children are true.
            case atMost(Int)
            /// A leaf, by its index in `leaves`.
            case leaf(Int)
        }

        public let kind: Kind
        public let children: [Int32]
    }

    /// A condition evaluated as a whole, with the groups that may change its truth value.
    public struct Leaf: Sendable {
        /// Closed: every quantified process above it is substituted.
        public let condition: Expr
        public let raisers: [Int32]
        public let lowerers: [Int32]
    }

    public let nodes: [Node]
    /// The node of each invariant.
    public let roots: [Int32]
    public let leaves: [Leaf]

    /// Leaves beyond this many are not unfolded further (a quantifier then stays one leaf).
    static let leafLimit = 4096

    init(invariants: [Expr], analysis: FootprintAnalysis, footprints: [TransitionFootprint],
         changedKinds: [Set<Int>]) {
        var builder = Builder(ir: analysis.ir)
        roots = invariants.map { builder.node($0) }
        nodes = builder.nodes
        let directions = StepDirections(analysis: analysis, footprints: footprints, changedKinds: changedKinds)
        leaves = builder.leaves.map { condition in
            let (raisers, lowerers) = directions.changers(of: condition)
            return Leaf(condition: condition, raisers: raisers, lowerers: lowerers)
        }
    }

    /// Unfolds conditions into nodes.
    private struct Builder {
        let ir: SpecIR
        var nodes: [Node] = []
        var leaves: [Expr] = []

        mutating func node(_ expr: Expr) -> Int32 {
            switch expr {
            case .binary(.and, let lhs, let rhs):
                return add(.all, [node(lhs), node(rhs)])
            case .binary(.or, let lhs, let rhs):
                return add(.any, [node(lhs), node(rhs)])
            case .binary(.implies, let lhs, let rhs):
                let premise = add(.not, [node(lhs)])
                return add(.any, [premise, node(rhs)])
            case .unary(.not, let operand):
                return add(.not, [node(operand)])
            case .aggregate(let kind, let binding, let domain, let body) where kind == .forall || kind == .exists:
                guard let values = unfoldable(domain) else { return leaf(expr) }
                let children = values.map { node(body.substituting(binding, with: $0)) }
                return add(kind == .forall ? .all : .any, children)
            case .binary(.le, .aggregate(.count, let binding, let domain, let body), .literal(let bound)),
                 .binary(.ge, .literal(let bound), .aggregate(.count, let binding, let domain, let body)):
                return count(binding, domain, body, atMost: bound) ?? leaf(expr)
            case .binary(.lt, .aggregate(.count, let binding, let domain, let body), .literal(let bound)),
                 .binary(.gt, .literal(let bound), .aggregate(.count, let binding, let domain, let body)):
                return count(binding, domain, body, atMost: bound - 1) ?? leaf(expr)
            default:
                return leaf(expr)
            }
        }

        private mutating func count(_ binding: BindingID, _ domain: IterationDomain, _ body: Expr,
                                    atMost bound: Int) -> Int32? {
            guard let values = unfoldable(domain) else { return nil }
            let children = values.map { node(body.substituting(binding, with: $0)) }
            return add(.atMost(bound), children)
        }

        private func unfoldable(_ domain: IterationDomain) -> Range<Int>? {
            let values = domain.values(roles: ir.roles)
            guard !values.isEmpty, leaves.count + values.count <= ViolationUpSets.leafLimit else { return nil }
            return values
        }

        private mutating func leaf(_ condition: Expr) -> Int32 {
            leaves.append(condition)
            return add(.leaf(leaves.count - 1), [])
        }

        private mutating func add(_ kind: Node.Kind, _ children: [Int32]) -> Int32 {
            nodes.append(Node(kind: kind, children: children))
            return Int32(nodes.count - 1)
        }
    }
}

/// Which groups may raise or lower a condition, from their footprints.
private struct StepDirections {
    let analysis: FootprintAnalysis
    let footprints: [TransitionFootprint]
    let changedKinds: [Set<Int>]
    /// Per group, each cell's possible values after the step: written values (with the old value
    /// too when the write may not happen), else the value a leading `Require` fixes.
    let after: [[Int: ValueSet]]
    let writers: [Int: [Int32]]
    let changers: [Int: [Int32]]

    init(analysis: FootprintAnalysis, footprints: [TransitionFootprint], changedKinds: [Set<Int>]) {
        self.analysis = analysis
        self.footprints = footprints
        self.changedKinds = changedKinds
        let ir = analysis.ir, cells = analysis.cells
        after = footprints.map { footprint in
            var values = footprint.pinned
            for (cell, written) in footprint.writtenValues {
                if footprint.definiteWrites.contains(cell) {
                    values[cell] = written
                } else {
                    let old = footprint.pinned[cell]
                        ?? .domain(ir.variables[cells.variable(ofCell: cell)].domain, roles: ir.roles)
                    values[cell] = written.union(old)
                }
            }
            return values
        }
        var writers: [Int: [Int32]] = [:], changers: [Int: [Int32]] = [:]
        for (g, footprint) in footprints.enumerated() {
            for cell in footprint.writes { writers[cell, default: []].append(Int32(g)) }
            for kind in changedKinds[g] { changers[kind, default: []].append(Int32(g)) }
        }
        self.writers = writers
        self.changers = changers
    }

    /// The groups that may make `condition` true when it is false, and those that may make it
    /// false when it is true.
    func changers(of condition: Expr) -> (raisers: [Int32], lowerers: [Int32]) {
        var reads = FootprintWalker(ir: analysis.ir, cells: analysis.cells)
        _ = reads.evaluate(condition)
        var candidates = Set<Int32>()
        for cell in reads.footprint.reads { candidates.formUnion(writers[cell] ?? []) }
        for kind in reads.footprint.networkReads { candidates.formUnion(changers[kind] ?? []) }
        var raisers: [Int32] = [], lowerers: [Int32] = []
        for group in candidates.sorted() {
            let g = Int(group)
            if !changedKinds[g].isDisjoint(with: reads.footprint.networkReads) {
                raisers.append(group)
                lowerers.append(group)
                continue
            }
            var before = FootprintWalker(ir: analysis.ir, cells: analysis.cells)
            before.overrides = footprints[g].pinned
            let old = before.evaluate(condition)
            var next = FootprintWalker(ir: analysis.ir, cells: analysis.cells)
            next.overrides = after[g]
            let new = next.evaluate(condition)
            if old.mayBe({ $0 == 0 }) && new.mayBe({ $0 != 0 }) { raisers.append(group) }
            if old.mayBe({ $0 != 0 }) && new.mayBe({ $0 == 0 }) { lowerers.append(group) }
        }
        return (raisers, lowerers)
    }
}

extension ValueSet {
    /// Whether some value of the set may satisfy `test` (always, for `.any`).
    func mayBe(_ test: (Int) -> Bool) -> Bool {
        switch self {
        case .any: return true
        case .values(let values): return values.contains(where: test)
        }
    }
}
