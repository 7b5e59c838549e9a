import Foundation
import Kripke

/// The mutable state of one random simulation: the current run's state and path, the successors
/// of the state being left, the fingerprints of the states seen, the run's lassos (where the spec
/// has liveness properties), and the statistics.
///
/// A run goes on after it closes a cycle that violates no liveness property fairly (it may still
/// close one that does); like every run it ends at the depth, in a state with no step to take, or
/// in a state outside the state constraints. The state a run reaches with its last allowed step
/// can still close a cycle, but is not judged as a stop: its steps are never listed.
final class SimulationWalk {
    private let system: TransitionSystem
    private let options: SimulationOptions
    private let machine: Machine
    private let fingerprinter: StateFingerprinter
    private let slots: Int
    private var seen = FingerprintSet(initialCapacity: 1 << 12)
    private var statistics = SimulationStatistics()
    /// The current state of the run (unpacked).
    private var current: [Int]
    /// The fingerprints of the run's states so far, from which its trace is rebuilt.
    private var path: [UInt64] = []
    /// The successors of the current state, unpacked one after another, and their action instances.
    private var successors: [Int] = []
    private var instances: [ActionInstance] = []
    /// Per successor: the assertion its step failed (index in `SpecIR.assertions`), or -1.
    private var failedAssertions: [Int] = []
    /// The instance of the run's last step.
    private var lastInstance: ActionInstance?
    /// The lassos of the current run, judged against the liveness properties; nil without any.
    private let lassos: RunLassos?
    /// Steps of the current state that were not enabled because a send found the network full.
    private var overflowsHere = 0
    private let lossCoverage: Int?
    private let start = Date()
    private var lastProgress = Date()

    init(system: TransitionSystem, options: SimulationOptions) {
        self.system = system
        self.options = options
        machine = system.makeMachine()
        fingerprinter = StateFingerprinter(system: system, symmetry: false)
        slots = system.layout.slotCount
        current = system.initialStates[0]
        lassos = system.ir.liveness.isEmpty ? nil : RunLassos(system: system)
        statistics.coverage = system.ir.actions.map { ActionCoverage(name: $0.name) }
        lossCoverage = system.ir.network.lossy ? statistics.coverage.count : nil
        if system.ir.network.lossy { statistics.coverage.append(ActionCoverage(name: "network: lose message")) }
    }

    func run() throws -> SimulationResult {
        let initialStates = system.initialStates
        for index in 0..<options.runs {
            let run = SimulationRunID(index: index, seed: SimulationSeeds.seed(of: index, in: options.seed))
            var random = SplitMix64(seed: run.seed)
            // A run starts at an initial state drawn at random (no draw when there is one).
            current = initialStates[initialStates.count == 1 ? 0 : random.index(below: initialStates.count)]
            let initial = fingerprint(current)
            _ = seen.insert(initial)
            path = [initial]
            if let broken = violatedInvariant(current) {
                statistics.runs += 1
                return finish(.violated(violation(.invariant(system.ir.invariants[broken].name)), run: run))
            }
            lassos?.begin()
            _ = enterLasso(initial)
            var length = 0
            while length < options.depth {
                if let reason = limitReached() { return finish(.incomplete(reason: reason)) }
                if outsideConstraints() {   // not expanded, as in the exhaustive search: a run may stop there
                    if let found = lassos?.expanded([], overflowed: false) { return finish(found, run: run, length: length) }
                    statistics.endedEarly += 1
                    break
                }
                let chosen = try choose(&random)
                if chosen == nil, let deadlock = deadlockHere() {
                    statistics.runs += 1
                    statistics.longestRun = max(statistics.longestRun, length)
                    return finish(.violated(deadlock, run: run))
                }
                if let found = lassos?.expanded(instances, overflowed: overflowsHere > 0) {
                    return finish(found, run: run, length: length)
                }
                guard let chosen else {
                    statistics.endedEarly += 1
                    break
                }
                length += 1
                if let kind = take(chosen) {
                    statistics.runs += 1
                    statistics.longestRun = max(statistics.longestRun, length)
                    return finish(.violated(violation(kind), run: run))
                }
                lassos?.took(instances[chosen])
                if let found = enterLasso(path.last!) { return finish(found, run: run, length: length) }
            }
            statistics.runs += 1
            statistics.longestRun = max(statistics.longestRun, length)
        }
        if statistics.overflows > 0 {
            return finish(.incomplete(reason: "the network capacity (\(system.ir.network.capacity)) was reached "
                + "\(statistics.overflows) times; those steps were not taken"))
        }
        return finish(.noViolationFound)
    }

    /// Enumerates the current state's successors and picks one uniformly at random; nil when no
    /// step is enabled. Throws `ModelFault` when a step hits a modelling error.
    private func choose(_ random: inout SplitMix64) throws -> Int? {
        successors.removeAll(keepingCapacity: true)
        instances.removeAll(keepingCapacity: true)
        failedAssertions.removeAll(keepingCapacity: true)
        let expansion = current.withUnsafeBufferPointer { source in
            system.forEachSuccessor(of: source.baseAddress!, machine: machine) { instance in
                successors.append(contentsOf: UnsafeBufferPointer(start: machine.state, count: slots))
                instances.append(instance)
                failedAssertions.append(machine.failedAssertion)
            }
        }
        overflowsHere = expansion.overflows
        statistics.overflows += expansion.overflows
        if let fault = expansion.fault {
            let builder = TraceBuilder(system: system)
            throw ModelFault(message: fault.message, action: builder.step(for: fault.instance).description,
                             trace: builder.trace(through: path))
        }
        return instances.isEmpty ? nil : random.index(below: instances.count)
    }

    /// The deadlock the current state is, if it is one and deadlocks are checked: no step is
    /// enabled, and it is not a valid end state. (A state whose only steps overflow the network
    /// has none to take either, but is no deadlock: the run just ends there.)
    private func deadlockHere() -> Violation? {
        guard options.checkDeadlock, overflowsHere == 0 else { return nil }
        current.withUnsafeBufferPointer { machine.load($0.baseAddress!) }
        return system.isValidEnd(machine) ? nil : violation(.deadlock)
    }

    /// Takes the `chosen` successor: counts it, records it, checks the invariants in it and
    /// whether its step failed an assertion; the property it violates, if any.
    private func take(_ chosen: Int) -> Violation.Kind? {
        current.withUnsafeMutableBufferPointer { target in
            successors.withUnsafeBufferPointer { source in
                target.baseAddress!.update(from: source.baseAddress! + chosen * slots, count: slots)
            }
        }
        lastInstance = instances[chosen]
        let action = instances[chosen].action
        let coverage = action == TransitionSystem.lossAction ? lossCoverage! : action
        statistics.steps += 1
        statistics.coverage[coverage].transitions += 1
        let fingerprint = fingerprint(current)
        path.append(fingerprint)
        if seen.insert(fingerprint) { statistics.coverage[coverage].newStates += 1 }
        if let broken = violatedInvariant(current) { return .invariant(system.ir.invariants[broken].name) }
        let failed = failedAssertions[chosen]
        return failed < 0 ? nil : .assertion(system.ir.assertions[failed].message)
    }

    /// The current state, just entered with fingerprint `fingerprint`, to the run's lassos: the
    /// fair violating lasso it closes, if any. The fingerprinter's words still hold the state
    /// packed: nothing fingerprints between entering a state and this call.
    private func enterLasso(_ fingerprint: UInt64) -> RunLassos.Found? {
        guard let lassos else { return nil }
        current.withUnsafeBufferPointer { machine.load($0.baseAddress!) }
        return lassos.enter(machine: machine, words: fingerprinter.words, fingerprint: fingerprint)
    }

    /// Ends the simulation with the lasso `found` of the run, `length` steps long so far.
    private func finish(_ found: RunLassos.Found, run: SimulationRunID, length: Int) -> SimulationResult {
        statistics.runs += 1
        statistics.longestRun = max(statistics.longestRun, length)
        let lassos = lassos!, steps = lassos.steps
        let trace = TraceBuilder(system: system).trace(through: path) { index, instance in instance == steps[index] }
        let instance = lassos.instances[found.instance]
        let property = LivenessResult.Property(name: instance.name, declaration: instance.declaration,
                                               lasso: trace.looping(at: found.loopStart), fairness: found.fairness)
        return finish(.livenessViolated(property, run: run))
    }

    /// Whether the current state lies outside the spec's state constraints.
    private func outsideConstraints() -> Bool {
        guard system.constrained else { return false }
        current.withUnsafeBufferPointer { machine.load($0.baseAddress!) }
        return !system.withinConstraints(machine)
    }

    private func fingerprint(_ state: [Int]) -> UInt64 {
        state.withUnsafeBufferPointer { fingerprinter.fingerprint($0.baseAddress!) }
    }

    private func violatedInvariant(_ state: [Int]) -> Int? {
        state.withUnsafeBufferPointer { machine.load($0.baseAddress!) }
        return system.violatedInvariant(machine)
    }

    /// The violation of `kind` in the run's last state (or, for an assertion, its last step), with
    /// the run so far as its trace; its last step is the very instance the run took.
    private func violation(_ kind: Violation.Kind) -> Violation {
        let last = path.count - 2
        let taken = lastInstance
        let trace = TraceBuilder(system: system).trace(through: path) { step, instance in step < last || instance == taken }
        return Violation(kind: kind, trace: trace)
    }

    /// Every 256 steps: an interrupt, the time limit, and the progress report.
    private func limitReached() -> String? {
        guard statistics.steps & 0xFF == 0 else { return nil }
        if options.shouldStop?() == true { return "interrupted" }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        if let maxSeconds = options.maxSeconds, elapsed >= maxSeconds {
            let shown = maxSeconds == maxSeconds.rounded() ? String(Int(maxSeconds)) : String(maxSeconds)
            return "time limit reached (\(shown) s)"
        }
        if let progress = options.progress, now.timeIntervalSince(lastProgress) >= 1 {
            lastProgress = now
            statistics.seconds = elapsed
            statistics.distinctStates = seen.count
            statistics.lassos = lassos?.judged ?? 0
            progress(statistics)
        }
        return nil
    }

    private func finish(_ verdict: SimulationVerdict) -> SimulationResult {
        statistics.seconds = Date().timeIntervalSince(start)
        statistics.distinctStates = seen.count
        statistics.lassos = lassos?.judged ?? 0
        return SimulationResult(verdict: verdict, statistics: statistics)
    }
}
