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
        while let candidates = work.popLast() {
            generation += 1
            for state in candidates { member[Int(state)] = generation }
            for component in stronglyConnected(candidates, member: member, generation: generation) {
                if units.count == 0 {
                    fair.append(component)
                    continue
                }
                generation += 1
                for state in component { member[Int(state)] = generation }
                switch check(component, member: member, generation: generation) {
                case .fair: fair.append(component)
                case .unfair: break
                case .refine(let rest): if !rest.isEmpty { work.append(rest) }
                }
            }
        }
        return fair
    }

    private enum Verdict { case fair, unfair, refine([Int32]) }

    /// Whether the component (states whose `member` is `generation`) is fair.
    private func check(_ component: [Int32], member: [Int32], generation: Int32) -> Verdict {
        var enabledIn = [Int](repeating: 0, count: units.count)
        var taken = [Bool](repeating: false, count: units.count)
        var stamp = [Int](repeating: -1, count: units.count)
        for (position, state) in component.enumerated() {
            for edge in graph.successors(of: Int(state)) {
                let inside = member[Int(graph.edgeTarget[edge])] == generation
                for unit in units.ofLabel[Int(graph.edgeLabel[edge])] {
                    if inside { taken[Int(unit)] = true }
                    if stamp[Int(unit)] != position {
                        stamp[Int(unit)] = position
                        enabledIn[Int(unit)] += 1
                    }
                }
            }
        }
        var offending: [Int] = []
        for unit in 0..<units.count where !taken[unit] && enabledIn[unit] > 0 {
            switch units.kinds[unit] {
            case .weak: if enabledIn[unit] == component.count { return .unfair }
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
    private func stronglyConnected(_ states: [Int32], member: [Int32], generation: Int32) -> [[Int32]] {
        var index = [Int32](repeating: -1, count: graph.stateCount)
        var low = [Int32](repeating: 0, count: graph.stateCount)
        var onStack = [Bool](repeating: false, count: graph.stateCount)
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
