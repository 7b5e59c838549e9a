import Foundation
import Kripke

/// The reachable states of a small instance, decoded into the spec's names, in breadth-first
/// order and without symmetry reduction: the raw material for mining facts that hold in every
/// reachable state (`ReachableFacts`). Stops at a state or time limit and says so.
///
/// ```swift
/// let reachable = try ReachableStates(ir).collect(maxStates: 100_000, maxSeconds: 10)
/// print(reachable.states.count, reachable.complete)
/// ```
public struct ReachableStates {
    public let ir: SpecIR

    public init(_ ir: SpecIR) {
        self.ir = ir
    }

    /// The states found, and whether they are all of them (no limit hit, no modelling fault).
    public struct Collection: Sendable {
        public let states: [TraceState]
        public let complete: Bool
    }

    /// Breadth-first enumeration up to `maxStates` states or `maxSeconds` seconds.
    public func collect(maxStates: Int, maxSeconds: Double) throws(SpecError) -> Collection {
        let system = try TransitionSystem(ir)
        let decoder = StateDecoder(system: system)
        let machine = system.makeMachine()
        let deadline = Date().addingTimeInterval(maxSeconds)
        var seen: Set<[Int]> = [system.initialState]
        var frontier = [system.initialState]
        var states = [decoder.decode(system.initialState)]
        var complete = true
        search: while !frontier.isEmpty {
            var next: [[Int]] = []
            for state in frontier {
                if !complete || Date() > deadline {
                    complete = false
                    break search
                }
                let expansion = state.withUnsafeBufferPointer { buffer in
                    system.forEachSuccessor(of: buffer.baseAddress!, machine: machine) { _ in
                        let successor = Array(UnsafeBufferPointer(start: machine.state, count: system.layout.slotCount))
                        guard !seen.contains(successor) else { return }
                        guard states.count < maxStates else {
                            complete = false
                            return
                        }
                        seen.insert(successor)
                        next.append(successor)
                        states.append(decoder.decode(successor))
                    }
                }
                if expansion.fault != nil || expansion.overflows > 0 { complete = false }
            }
            frontier = next
        }
        return Collection(states: states, complete: complete)
    }
}
