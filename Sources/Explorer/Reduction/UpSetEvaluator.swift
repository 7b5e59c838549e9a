import Kripke

/// Computes, in one state, an up-set of the invariants (`ViolationUpSets`): groups one of which
/// every run from the state to an invariant violation takes. It evaluates the unfolded
/// invariants' leaves on the loaded machine, then walks down from each invariant, choosing at
/// each `and` to be made true (or `or` to be made false) the child with the fewest groups.
///
/// ```swift
/// let upSets = UpSetEvaluator(relation.upSets, compiler: ExprCompiler(ir: ir, layout: layout))
/// if upSets.collect(on: machine, into: &groups) { /* groups: the up-set */ }
/// ```
final class UpSetEvaluator {
    private let tree: ViolationUpSets
    private let leaves: [CompiledExpr]
    /// Per node, its truth value in the state last evaluated.
    private var truth: [Bool]

    init(_ tree: ViolationUpSets, compiler: ExprCompiler) {
        self.tree = tree
        leaves = tree.leaves.map { CompiledExpr(compiler.compile($0.condition)) }
        truth = Array(repeating: false, count: tree.nodes.count)
    }

    /// Appends an up-set of the machine's state to `groups` (with repeats). Returns false when an
    /// invariant is already false there (the state is itself a violation: no up-set is needed,
    /// and none is given).
    func collect(on machine: Machine, into groups: inout [Int32]) -> Bool {
        for (index, node) in tree.nodes.enumerated() {
            truth[index] = value(node, machine)
        }
        for root in tree.roots where !truth[Int(root)] { return false }
        for root in tree.roots { collect(root, toward: false, into: &groups) }
        return true
    }

    private func value(_ node: ViolationUpSets.Node, _ machine: Machine) -> Bool {
        switch node.kind {
        case .leaf(let leaf): return leaves[leaf].evaluate(machine) != 0
        case .not: return !truth[Int(node.children[0])]
        case .all: return node.children.allSatisfy { truth[Int($0)] }
        case .any: return node.children.contains { truth[Int($0)] }
        case .atMost(let bound): return node.children.count { truth[Int($0)] } <= bound
        }
    }

    /// Appends groups one of which every run that makes `node` equal to `target` takes; `node`
    /// is `!target` now.
    private func collect(_ index: Int32, toward target: Bool, into groups: inout [Int32]) {
        let node = tree.nodes[Int(index)]
        switch node.kind {
        case .leaf(let leaf):
            groups += target ? tree.leaves[leaf].raisers : tree.leaves[leaf].lowerers
        case .not:
            collect(node.children[0], toward: !target, into: &groups)
        case .all, .any:
            // Every child must reach `target` (all → true, any → false): one that is not there
            // yet suffices. Otherwise some child must change (all → false, any → true): all of them.
            if (node.kind == .all) == target {
                collect(cheapest(node.children, toward: target), toward: target, into: &groups)
            } else {
                for child in node.children { collect(child, toward: target, into: &groups) }
            }
        case .atMost:
            // Holds now and must fail: some false child turns true. Fails now and must hold: some
            // true child turns false.
            for child in node.children where truth[Int(child)] == target {
                collect(child, toward: !target, into: &groups)
            }
        }
    }

    /// The child not yet at `target` whose up-set is smallest.
    private func cheapest(_ children: [Int32], toward target: Bool) -> Int32 {
        var best = Int32(-1), bestCost = Int.max
        for child in children where truth[Int(child)] != target {
            let cost = self.cost(child, toward: target, limit: bestCost)
            if cost < bestCost {
                best = child
                bestCost = cost
            }
        }
        return best
    }

    /// The number of groups (with repeats) `collect` would append, or at least `limit`.
    private func cost(_ index: Int32, toward target: Bool, limit: Int) -> Int {
        let node = tree.nodes[Int(index)]
        switch node.kind {
        case .leaf(let leaf):
            return target ? tree.leaves[leaf].raisers.count : tree.leaves[leaf].lowerers.count
        case .not:
            return cost(node.children[0], toward: !target, limit: limit)
        case .all, .any:
            if (node.kind == .all) == target {
                var best = Int.max
                for child in node.children where truth[Int(child)] != target {
                    best = min(best, cost(child, toward: target, limit: min(best, limit)))
                }
                return best
            }
            var total = 0
            for child in node.children {
                total += cost(child, toward: target, limit: limit - total)
                if total >= limit { return total }
            }
            return total
        case .atMost:
            var total = 0
            for child in node.children where truth[Int(child)] == target {
                total += cost(child, toward: !target, limit: limit - total)
                if total >= limit { return total }
            }
            return total
        }
    }
}
