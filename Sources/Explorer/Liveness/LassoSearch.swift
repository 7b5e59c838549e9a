/// Finds a fair lasso that violates one liveness property in the state graph: a shortest prefix
/// to the earliest state (in BFS order) where the premise holds and from which a fair run can
/// avoid the conclusion forever, a path through conclusion-free states to a fair component, and
/// either no cycle at all — the run stutters in a state where no fair unit is enabled — or a
/// cycle in that component that takes a step of, or visits a state disabling, every fair unit it
/// must — so the cycle, repeated, is a fair run.
///
/// ```swift
/// if let lasso = LassoSearch(graph: graph, units: units).lasso(for: 0, kind: .leadsTo) {
///     lasso.edges   // edge indices, prefix then cycle; lasso.loopStart: where the cycle begins
/// }
/// ```
struct LassoSearch {
    struct Lasso {
        /// The initial state the lasso starts at.
        var root: Int
        /// The root's successors first: every edge taken, the cycle's last.
        var edges: [Int]
        /// How many of `edges` lead to the cycle's first state (all of them: the run stutters there).
        var loopStart: Int
        /// The fairness units the cycle takes a step of, and those it shows disabled.
        var takes: [Int32]
        var disables: [Int32]
    }

    let graph: StateGraph
    let units: FairnessUnits
    /// The states with an edge into each state, in one array (`predecessorStart[s]..<predecessorStart[s + 1]`)
    /// as the graph keeps its successors: one array per state would cost an allocation per state.
    let predecessorStart: [Int32]
    let predecessors: [Int32]

    init(graph: StateGraph, units: FairnessUnits) {
        self.graph = graph
        self.units = units
        var start = [Int32](repeating: 0, count: graph.stateCount + 1)
        for target in graph.edgeTarget { start[Int(target) + 1] += 1 }
        for state in 0..<graph.stateCount { start[state + 1] += start[state] }
        var next = start
        var predecessors = [Int32](repeating: 0, count: graph.edgeCount)
        for state in 0..<graph.stateCount {
            for edge in graph.successors(of: state) {
                let target = Int(graph.edgeTarget[edge])
                predecessors[Int(next[target])] = Int32(state)
                next[target] += 1
            }
        }
        predecessorStart = start
        self.predecessors = predecessors
    }

    func lasso(for property: Int, kind: LivenessKind) -> Lasso? {
        let allowed = graph.conclusion[property].map { !$0 }
        let components = FairComponents(graph: graph, units: units).find(in: allowed)
        guard !components.isEmpty else { return nil }
        var component = [Int32](repeating: -1, count: graph.stateCount)
        for (index, states) in components.enumerated() { for state in states { component[Int(state)] = Int32(index) } }
        // States that reach a fair component through conclusion-free states.
        var reaches = [Bool](repeating: false, count: graph.stateCount)
        var queue: [Int] = components.flatMap { $0.map(Int.init) }
        for state in queue { reaches[state] = true }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for position in Int(predecessorStart[state])..<Int(predecessorStart[state + 1]) {
                let source = Int(predecessors[position])
                if allowed[source] && !reaches[source] {
                    reaches[source] = true
                    queue.append(source)
                }
            }
        }
        let start: Int?
        switch kind {
        case .eventually: start = (0..<graph.initialCount).first { reaches[$0] }
        case .leadsTo: start = (0..<graph.stateCount).first { graph.premise[property][$0] && reaches[$0] }
        }
        guard let start else { return nil }
        let (root, prefixEdges) = prefix(to: start)
        var edges = prefixEdges
        // Forward through conclusion-free states to the nearest fair component.
        guard let path = shortestPath(from: start, within: { allowed[$0] }, to: { component[$0] >= 0 }) else { return nil }
        edges += path
        let entry = path.last.map { Int(graph.edgeTarget[$0]) } ?? start
        let inside: (Int) -> Bool = { component[$0] == component[entry] }
        let cycle = self.cycle(through: entry, component: components[Int(component[entry])], inside: inside)
        let loopStart = edges.count
        edges += cycle.edges
        return Lasso(root: root, edges: edges, loopStart: loopStart, takes: cycle.takes, disables: cycle.disables)
    }

    enum LivenessKind { case eventually, leadsTo }

    private func sourceOf(_ edge: Int) -> Int {
        var low = 0, high = graph.stateCount
        while low + 1 < high {
            let middle = (low + high) / 2
            if Int(graph.edgeStart[middle]) <= edge { low = middle } else { high = middle }
        }
        return low
    }

    /// The initial state that `state` descends from in the BFS tree, and the tree's edges from it to `state`.
    private func prefix(to state: Int) -> (root: Int, edges: [Int]) {
        var edges: [Int] = []
        var current = state
        while graph.parent[current] >= 0 {
            let parent = Int(graph.parent[current])
            guard let edge = graph.successors(of: parent).first(where: { Int(graph.edgeTarget[$0]) == current }) else { break }
            edges.append(edge)
            current = parent
        }
        return (current, edges.reversed())
    }

    /// A shortest path (edges) from `start` through states satisfying `within` to a state
    /// satisfying `goal` (empty when `start` is one).
    private func shortestPath(from start: Int, within: (Int) -> Bool, to goal: (Int) -> Bool) -> [Int]? {
        if goal(start) { return [] }
        var via: [Int: Int] = [start: -1]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for edge in graph.successors(of: state) {
                let target = Int(graph.edgeTarget[edge])
                guard within(target), via[target] == nil else { continue }
                via[target] = edge
                if goal(target) {
                    var edges: [Int] = []
                    var current = target
                    while let edge = via[current], edge >= 0 {
                        edges.append(edge)
                        current = sourceOf(edge)
                    }
                    return edges.reversed()
                }
                queue.append(target)
            }
        }
        return nil
    }

    /// A cycle from `entry` back to it inside the component that is fair: it starts as a
    /// shortest cycle through `entry`, then, while some weakly fair unit is enabled in every state
    /// of it but never taken (or a strongly fair unit is enabled in one but never taken), adds a
    /// detour from `entry` through an edge of that unit — or, for a weak unit the component never
    /// takes, through a state where it is disabled. A fix stays a fix as the cycle grows, so each
    /// unit is fixed at most once.
    private func cycle(through entry: Int, component: [Int32], inside: (Int) -> Bool)
        -> (edges: [Int], takes: [Int32], disables: [Int32]) {
        var takenEdge: [Int32: Int] = [:]
        var enabledAt: [Int32: Set<Int>] = [:]
        for state in component.map(Int.init) {
            for edge in graph.successors(of: state) {
                for unit in units.ofLabel[Int(graph.edgeLabel[edge])] {
                    enabledAt[unit, default: []].insert(state)
                    if inside(Int(graph.edgeTarget[edge])), takenEdge[unit] == nil { takenEdge[unit] = edge }
                }
            }
        }
        // Stuttering in `entry` for ever is fair when no fair unit is enabled there.
        if !graph.successors(of: entry).contains(where: { !units.ofLabel[Int(graph.edgeLabel[$0])].isEmpty }) {
            return ([], [], [])
        }
        var edges = shortestCycle(through: entry, inside: inside)
        var fixed = Set<Int32>()
        while true {
            let states = Set(edges.map { sourceOf($0) })
            let taken = Set(edges.flatMap { units.ofLabel[Int(graph.edgeLabel[$0])] })
            let broken = (0..<Int32(units.count)).first { unit in
                guard !taken.contains(unit), !fixed.contains(unit) else { return false }
                let enabled = enabledAt[unit] ?? []
                switch units.kinds[Int(unit)] {
                case .weak: return states.allSatisfy(enabled.contains)
                case .strong: return states.contains(where: enabled.contains)
                }
            }
            guard let unit = broken else { break }
            fixed.insert(unit)
            if let edge = takenEdge[unit] {
                edges += shortestPath(from: entry, within: inside, to: { $0 == self.sourceOf(edge) }) ?? []
                edges.append(edge)
                edges += shortestPath(from: Int(graph.edgeTarget[edge]), within: inside, to: { $0 == entry }) ?? []
            } else if let off = component.map(Int.init).first(where: { !(enabledAt[unit] ?? []).contains($0) }) {
                edges += shortestPath(from: entry, within: inside, to: { $0 == off }) ?? []
                edges += shortestPath(from: off, within: inside, to: { $0 == entry }) ?? []
            }
        }
        let states = Set(edges.map { sourceOf($0) })
        let taken = Set(edges.flatMap { units.ofLabel[Int(graph.edgeLabel[$0])] })
        let disables = (0..<Int32(units.count)).filter { unit in
            !taken.contains(unit) && !(enabledAt[unit] ?? []).isEmpty
                && states.contains { !(enabledAt[unit] ?? []).contains($0) }
        }
        return (edges, taken.sorted(), disables)
    }

    /// A shortest cycle from `entry` back to it inside the component (which has an edge).
    private func shortestCycle(through entry: Int, inside: (Int) -> Bool) -> [Int] {
        var best: [Int]?
        for edge in graph.successors(of: entry) where inside(Int(graph.edgeTarget[edge])) {
            let back = [edge] + (shortestPath(from: Int(graph.edgeTarget[edge]), within: inside, to: { $0 == entry }) ?? [])
            if best == nil || back.count < best!.count { best = back }
        }
        return best ?? []
    }
}
