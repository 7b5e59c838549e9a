/// The fair strongly connected components of a subgraph: the sets of states a fair run can stay
/// in forever. A run may stutter — take no step — in any state (TLA+'s semantics; a run that
/// ends is one that stutters for ever), so every component, a single state included, has a
/// cycle, and fairness alone decides. A component qualifies when every weakly fair unit
/// enabled in all its states is taken on one of its edges, and every strongly fair unit enabled in
/// one of its states is taken on one of its edges. Where only strong fairness fails, the states
/// enabling the offending units are removed and what remains is split again (the Streett check
/// of Emerson and Lei, 1987; TLC and LTSmin do the same); a weak failure rejects the component,
/// since every cycle inside it fails the same way.
///
/// ```swift
/// let components = FairComponents(graph: graph, units: units).find(in: allowed)
/// ```
struct FairComponents {
    let graph: StateGraph
    let units: FairnessUnits

    /// The fair components of the subgraph induced by the states where `allowed` is true.
    func find(in allowed: [Bool]) -> [[Int32]] {
        var fair: [[Int32]] = []
        var work: [[Int32]] = [allowed.indices.filter { allowed[$0] }.map { Int32($0) }]
        var member = [Int32](repeating: -1, count: graph.stateCount)
        var generation: Int32 = 0
        var scratch = Scratch(states: graph.stateCount, units: units.count)
        while let candidates = work.popLast() {
            generation += 1
            for state in candidates { member[Int(state)] = generation }
            for component in stronglyConnected(candidates, member: member, generation: generation, &scratch) {
                if units.count == 0 {
                    fair.append(component)
                    continue
                }
                generation += 1
                for state in component { member[Int(state)] = generation }
                switch check(component, member: member, generation: generation, &scratch) {
                case .fair: fair.append(component)
                case .unfair: break
                case .refine(let rest): if !rest.isEmpty { work.append(rest) }
                }
            }
        }
        return fair
    }

    private enum Verdict { case fair, unfair, refine([Int32]) }

    /// Buffers reused by every component and every split, so a graph with millions of trivial
    /// components allocates them once: Tarjan's numbers per state (reset after each call) and the
    /// per-unit tallies of `check` (reset per component).
    private struct Scratch {
        var index: [Int32], low: [Int32], onStack: [Bool]
        var enabledIn: [Int], taken: [Bool], stamp: [Int]

        init(states: Int, units: Int) {
            index = Array(repeating: -1, count: states)
            low = Array(repeating: 0, count: states)
            onStack = Array(repeating: false, count: states)
            enabledIn = Array(repeating: 0, count: units)
            taken = Array(repeating: false, count: units)
            stamp = Array(repeating: -1, count: units)
        }
    }

    /// Whether the component (states whose `member` is `generation`) is fair.
    private func check(_ component: [Int32], member: [Int32], generation: Int32, _ scratch: inout Scratch) -> Verdict {
        for unit in 0..<units.count {
            scratch.enabledIn[unit] = 0
            scratch.taken[unit] = false
            scratch.stamp[unit] = -1
        }
        for (position, state) in component.enumerated() {
            for edge in graph.successors(of: Int(state)) {
                let inside = member[Int(graph.edgeTarget[edge])] == generation
                for unit in units.ofLabel[Int(graph.edgeLabel[edge])] {
                    if inside { scratch.taken[Int(unit)] = true }
                    if scratch.stamp[Int(unit)] != position {
                        scratch.stamp[Int(unit)] = position
                        scratch.enabledIn[Int(unit)] += 1
                    }
                }
            }
        }
        var offending: [Int] = []
        for unit in 0..<units.count where !scratch.taken[unit] && scratch.enabledIn[unit] > 0 {
            switch units.kinds[unit] {
            case .weak: if scratch.enabledIn[unit] == component.count { return .unfair }
            case .strong: offending.append(unit)
            }
        }
        if offending.isEmpty { return .fair }
        let rest = component.filter { state in
            !graph.successors(of: Int(state)).contains { edge in
                units.ofLabel[Int(graph.edgeLabel[edge])].contains { offending.contains(Int($0)) }
            }
        }
        return .refine(rest)
    }

    /// Tarjan's algorithm, iterative, on the states whose `member` is `generation`.
    private func stronglyConnected(_ states: [Int32], member: [Int32], generation: Int32,
                                   _ scratch: inout Scratch) -> [[Int32]] {
        var index = scratch.index, low = scratch.low, onStack = scratch.onStack
        scratch.index = []; scratch.low = []; scratch.onStack = []   // moved out: no copy on write
        defer {
            for state in states { index[Int(state)] = -1 }   // only these were numbered
            (scratch.index, scratch.low, scratch.onStack) = (index, low, onStack)
        }
        var stack: [Int32] = []
        var components: [[Int32]] = []
        var counter: Int32 = 0
        var frames: [(state: Int32, edge: Int)] = []
        for root in states where index[Int(root)] < 0 {
            frames.append((root, graph.successors(of: Int(root)).lowerBound))
            index[Int(root)] = counter; low[Int(root)] = counter; counter += 1
            stack.append(root); onStack[Int(root)] = true
            while let (state, edge) = frames.last {
                let s = Int(state)
                if edge < graph.successors(of: s).upperBound {
                    frames[frames.count - 1].edge += 1
                    let target = graph.edgeTarget[edge]
                    let t = Int(target)
                    guard member[t] == generation else { continue }
                    if index[t] < 0 {
                        index[t] = counter; low[t] = counter; counter += 1
                        stack.append(target); onStack[t] = true
                        frames.append((target, graph.successors(of: t).lowerBound))
                    } else if onStack[t] {
                        low[s] = min(low[s], index[t])
                    }
                    continue
                }
                frames.removeLast()
                if let caller = frames.last { low[Int(caller.state)] = min(low[Int(caller.state)], low[s]) }
                guard low[s] == index[s] else { continue }
                var component: [Int32] = []
                while let top = stack.popLast() {
                    onStack[Int(top)] = false
                    component.append(top)
                    if top == state { break }
                }
                components.append(component)
            }
        }
        return components
    }
}
