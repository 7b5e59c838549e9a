@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// The liveness checker against a brute-force reference on a thousand small random specs, each
/// given a random liveness property and random weak fairness: the reference builds the graph on
/// its own (states as full value arrays) and computes the states with a fair run avoiding the
/// conclusion by the Emerson–Lei fixpoint νZ. ¬q ∧ EX Z ∧ ⋀ₖ E[(¬q ∧ Z) U Gₖ(Z)], where Gₖ(Z)
/// holds where unit k is disabled or has a step into Z, and EX Z always holds in Z: a run may
/// stutter (take no step) in any state. Verdicts must agree, and every lasso must replay, close,
/// and be, on the reference graph, a fair run that avoids the conclusion after the premise.
@Suite struct LivenessReferenceTests {
    struct Graph {
        var states: [[Int]] = []
        /// The initial states are states `0..<roots`.
        var roots = 0
        var edges: [[(target: Int, units: [Int], step: TraceStep)]] = []
        var named: [TraceState: Int] = [:]
        var premise: [Bool] = []
        var conclusion: [Bool] = []
        /// Per fairness unit (the numbers in `edges`' units): weak or strong.
        var unitKinds: [FairnessDecl.Kind] = []
    }

    /// The reference graph; nil when a send finds the network full or a step faults (the checker
    /// is then incomplete too).
    static func graph(_ ir: SpecIR) throws -> Graph? {
        let system = try TransitionSystem(ir)
        let machine = system.makeMachine()
        let compiler = ExprCompiler(ir: ir, layout: system.layout)
        let decoder = StateDecoder(system: system)
        let labels = TraceBuilder(system: system)
        let premise = compiler.compile(ir.liveness[0].premise), conclusion = compiler.compile(ir.liveness[0].conclusion)
        var graph = Graph()
        var ids: [[Int]: Int] = [:]
        for initial in system.initialStates where ids[initial] == nil {
            ids[initial] = graph.states.count
            graph.states.append(initial)
        }
        graph.roots = graph.states.count
        var next = 0
        var unitKeys: [String: Int] = [:]
        while next < graph.states.count {
            let state = graph.states[next]
            state.withUnsafeBufferPointer { machine.load($0.baseAddress!) }
            graph.premise.append(premise(machine) != 0)
            graph.conclusion.append(conclusion(machine) != 0)
            graph.named[decoder.decode(state)] = next
            var edges: [(Int, [Int], TraceStep)] = []
            var successors: [([Int], ActionInstance)] = []
            let expansion = state.withUnsafeBufferPointer { source in
                system.forEachSuccessor(of: source.baseAddress!, machine: machine) { instance in
                    successors.append((Array(UnsafeBufferPointer(start: machine.state, count: system.layout.slotCount)), instance))
                }
            }
            if expansion.overflows > 0 || expansion.fault != nil { return nil }
            for (successor, instance) in successors {
                let target: Int
                if let known = ids[successor] {
                    target = known
                } else {
                    target = graph.states.count
                    ids[successor] = target
                    graph.states.append(successor)
                }
                var units: [Int] = []
                for (index, fairness) in ir.fairness.enumerated() where instance.action >= 0 {
                    let key: String?
                    switch fairness.scope {
                    case .eachInstance(let action) where action == instance.action:
                        key = "\(index) \(instance.process) \(instance.choice) \(instance.sender)"
                    case .wholeAction(let action) where action == instance.action:
                        key = "\(index)"
                    case .eachProcess:
                        key = "\(index) \(instance.process)"
                    default:
                        key = nil
                    }
                    if let key {
                        if unitKeys[key] == nil {
                            unitKeys[key] = unitKeys.count
                            graph.unitKinds.append(fairness.kind)
                        }
                        units.append(unitKeys[key]!)
                    }
                }
                edges.append((target, units, labels.step(for: instance)))
            }
            graph.edges.append(edges)
            next += 1
        }
        return graph
    }

    /// States from which a weakly fair run avoids the conclusion forever (Emerson–Lei).
    static func fairAvoiding(_ graph: Graph) -> Set<Int> {
        let unitCount = graph.edges.flatMap { $0.flatMap(\.units) }.max().map { $0 + 1 } ?? 0
        let avoid = Set(graph.conclusion.indices.filter { !graph.conclusion[$0] })
        var z = avoid
        while true {
            var next = z   // a run may stutter in any state: EX Z holds throughout Z
            for unit in 0..<unitCount {
                // G: in Z, and the unit disabled there or taken into Z.
                let good = next.filter { s in
                    let steps = graph.edges[s].filter { $0.units.contains(unit) }
                    return steps.isEmpty || steps.contains { z.contains($0.target) }
                }
                // E[(¬q ∧ Z) U G]: backward closure of G within Z.
                var reach = good
                var changed = true
                while changed {
                    changed = false
                    for s in next where !reach.contains(s) && graph.edges[s].contains(where: { reach.contains($0.target) }) {
                        reach.insert(s)
                        changed = true
                    }
                }
                next = next.intersection(reach)
            }
            if next == z { return z }
            z = next
        }
    }

    /// Whether the lasso, read on the reference graph, is a fair run that violates the property:
    /// from an initial state, and from some state where the premise holds on (the initial state for `eventually`) the
    /// conclusion never holds, and every weakly fair unit enabled in every state of the cycle (every
    /// strongly fair unit enabled in one of its states) is taken in it.
    static func isFairViolation(_ lasso: Trace, _ graph: Graph, kind: LivenessDecl.Kind) -> Bool {
        let ids = lasso.states.compactMap { graph.named[$0] }
        guard ids.count == lasso.states.count, let loop = lasso.loop else { return false }
        let avoidsFrom = ids.indices.first { ids[$0...].allSatisfy { !graph.conclusion[$0] } }
        guard let from = avoidsFrom.map({ ids[$0...] }), from.startIndex <= loop else { return false }
        guard ids[0] < graph.roots else { return false }
        let starts = kind == .eventually ? from.startIndex == 0 : from.indices.contains { graph.premise[ids[$0]] }
        let units = Set(graph.edges.flatMap { $0.flatMap(\.units) })
        let cycleStates = ids[loop...]
        let taken = Set((loop..<lasso.length).flatMap { k in
            graph.edges[ids[k]].first { $0.target == ids[k + 1] && $0.step.instance == lasso.steps[k].instance }?.units ?? []
        })
        let fair = units.allSatisfy { unit in
            let disabled = { (state: Int) in !graph.edges[state].contains { $0.units.contains(unit) } }
            return taken.contains(unit)
                || (graph.unitKinds[unit] == .strong ? cycleStates.allSatisfy(disabled) : cycleStates.contains(where: disabled))
        }
        return starts && fair
    }

    @Test(arguments: [false, true])
    func checkerAgreesWithTheReferenceOnRandomSpecs(initialChoices: Bool) throws {
        var compared = 0, violated = 0
        for seed in UInt64(1)...(initialChoices ? 500 : 1_000) {
            var random = SplitMix(seed: seed)
            var ir = RandomSpecs.make(&random, initialChoices: initialChoices)
            ir.invariants = []
            LivenessSpecs.addLiveness(to: &ir, &random)
            guard let graph = try Self.graph(ir) else { continue }
            let result = try LivenessChecker(ir, maxStates: 5_000).run()
            guard result.incomplete == nil else {
                Issue.record("seed \(seed): reference built the graph, the checker did not: \(result.incomplete!)")
                continue
            }
            #expect(result.states == graph.states.count, "seed \(seed)")
            let fair = Self.fairAvoiding(graph)
            let expected = ir.liveness[0].kind == .eventually
                ? (0..<graph.roots).contains { fair.contains($0) }
                : graph.premise.indices.contains { graph.premise[$0] && fair.contains($0) }
            let lasso = result.properties[0].lasso
            #expect((lasso != nil) == expected, "seed \(seed): checker \(lasso != nil), reference \(expected)")
            if let lasso {
                violated += 1
                #expect(Self.isFairViolation(lasso, graph, kind: ir.liveness[0].kind), "seed \(seed)")
                #expect(try TraceReplay(ir).replay(lasso) == .replays, "seed \(seed)")
                #expect(lasso.loop.map { lasso.states[$0] == lasso.states.last } == true, "seed \(seed)")
            }
            compared += 1
        }
        #expect(compared > (initialChoices ? 100 : 300))
        #expect(violated > 25 && violated < compared - 25)
    }
}
