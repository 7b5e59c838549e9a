@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// The relation both engines' reductions rest on (the explorer's stubborn sets and BMC's fixed
/// step order), checked against the semantics itself: in every reachable state of random specs,
/// two enabled steps whose groups `DependencyRelation` calls independent stay enabled after each
/// other and reach the same state in either order. One exception is by design: the relation is
/// that of unbounded channels, so a send may find the bounded network full after the other step.
@Suite struct IndependenceTests {
    typealias State = [Int]

    /// The successors of one state, by action instance (an instance with several successors —
    /// a FIFO loss at different positions — keeps them all), and the instances that overflowed.
    struct Expansion {
        var successors: [ActionInstance: Set<State>] = [:]
        var overflowed: Set<ActionInstance> = []
        var faulted = false
    }

    /// Expands states on demand and remembers them, so that each is expanded once.
    final class Expander {
        let system: TransitionSystem
        let machine: Machine
        var cache: [State: Expansion] = [:]

        init(_ system: TransitionSystem) {
            self.system = system
            machine = system.makeMachine()
        }

        func expand(_ state: State) -> Expansion {
            if let known = cache[state] { return known }
            var expansion = Expansion()
            let slots = system.layout.slotCount
            let result = state.withUnsafeBufferPointer { buffer in
                system.forEachSuccessor(of: buffer.baseAddress!, machine: machine,
                                        overflow: { expansion.overflowed.insert($0) }) { instance in
                    expansion.successors[instance, default: []].insert(Array(UnsafeBufferPointer(start: machine.state, count: slots)))
                }
            }
            expansion.faulted = result.fault != nil
            cache[state] = expansion
            return expansion
        }
    }

    @Test func independentStepsCommuteInEveryReachableState() throws {
        var checkedPairs = 0
        for seed in UInt64(1)...300 {
            var random = SplitMix(seed: seed)
            let ir = RandomSpecs.make(&random)
            let system = try TransitionSystem(ir)
            let relation = DependencyRelation(ir, invariants: [])
            let expander = Expander(system)
            var seen: Set<State> = [system.initialStates[0]]
            var queue = [system.initialStates[0]], next = 0
            while next < queue.count && seen.count < 1_500 {
                let state = queue[next]
                next += 1
                let here = expander.expand(state)
                if here.faulted { continue }
                for successors in here.successors.values {
                    for successor in successors where seen.insert(successor).inserted { queue.append(successor) }
                }
                let steps = here.successors.filter { $0.value.count == 1 }.map { ($0.key, $0.value.first!) }
                for (i, (a, afterA)) in steps.enumerated() {
                    for (b, afterB) in steps[(i + 1)...] where relation.independent(relation.group(of: a), relation.group(of: b)) {
                        let thenB = expander.expand(afterA), thenA = expander.expand(afterB)
                        if thenB.faulted || thenA.faulted || thenB.overflowed.contains(b) || thenA.overflowed.contains(a) { continue }
                        let ab = thenB.successors[b], ba = thenA.successors[a]
                        #expect(ab != nil && ba != nil, "seed \(seed): \(a) and \(b) are independent, but one disables the other")
                        #expect(ab == ba, "seed \(seed): \(a) and \(b) are independent, but reach different states in the two orders")
                        checkedPairs += 1
                    }
                }
            }
        }
        #expect(checkedPairs > 10_000, "only \(checkedPairs) independent pairs were checked")
    }
}
