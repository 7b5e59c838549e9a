import Kripke

/// The whole reachable state graph, kept for liveness checking: states numbered in breadth-first
/// order (so a lower number is never deeper), each with its outgoing edges labelled by the action
/// instance taken, its BFS parent, and the truth of each liveness property's premise and
/// conclusion. No reduction: partial-order and symmetry reduction keep only what safety needs.
///
/// ```swift
/// let graph = try StateGraph(system: system, properties: instances, maxStates: 1_000_000)
/// graph.successors(of: 0)   // edge indices of the first initial state
/// ```
struct StateGraph {
    /// An action instance as a step label, its payload left out: what fairness speaks about.
    struct Label: Hashable {
        var action: Int
        var process: Int
        var choice: Int
        var sender: Int
    }

    enum Stop: Error { case stateLimit, networkFull(String), fault(String), interrupted }

    private(set) var fingerprints: [UInt64] = []
    private(set) var parent: [Int32] = []
    private(set) var edgeStart: [Int32] = [0]
    private(set) var edgeTarget: [Int32] = []
    private(set) var edgeLabel: [Int32] = []
    private(set) var labels: [Label] = []
    /// Per property instance and state: premise and conclusion.
    private(set) var premise: [[Bool]]
    private(set) var conclusion: [[Bool]]

    /// The initial states are states `0..<initialCount` (they have no parent).
    private(set) var initialCount = 0
    var stateCount: Int { fingerprints.count }
    var edgeCount: Int { edgeTarget.count }

    func successors(of state: Int) -> Range<Int> { Int(edgeStart[state])..<Int(edgeStart[state + 1]) }

    init(system: TransitionSystem, properties: [LivenessInstance], maxStates: Int?,
         shouldStop: (@Sendable () -> Bool)?) throws(Stop) {
        premise = Array(repeating: [], count: properties.count)
        conclusion = Array(repeating: [], count: properties.count)
        let machine = system.makeMachine()
        let fingerprinter = StateFingerprinter(system: system, symmetry: false)
        let packer = system.packer
        let words = packer.wordCount, slots = system.layout.slotCount
        let predicates = LivenessPredicates(system: system, instances: properties)
        var ids: [UInt64: Int32] = [:]
        var packed: [UInt64] = []
        var labelIDs: [Label: Int32] = [:]
        let current = UnsafeMutablePointer<Int>.allocate(capacity: slots)
        defer { current.deallocate() }

        func add(_ fingerprint: UInt64, from source: Int32) throws(Stop) -> Int32 {
            if let id = ids[fingerprint] { return id }
            if let maxStates, fingerprints.count >= maxStates { throw .stateLimit }
            let id = Int32(fingerprints.count)
            ids[fingerprint] = id
            fingerprints.append(fingerprint)
            parent.append(source)
            packed.append(contentsOf: UnsafeBufferPointer(start: fingerprinter.words, count: words))
            return id
        }

        for initial in system.initialStates {
            _ = try add(initial.withUnsafeBufferPointer { fingerprinter.fingerprint($0.baseAddress!) }, from: -1)
        }
        initialCount = fingerprints.count
        var next = 0
        while next < fingerprints.count {
            if next & 1023 == 0, let shouldStop, shouldStop() { throw .interrupted }
            packed.withUnsafeBufferPointer { packer.unpack($0.baseAddress! + next * words, into: current) }
            machine.load(current)
            predicates.evaluate(machine) { index, holds, concluded in
                premise[index].append(holds)
                conclusion[index].append(concluded)
            }
            // A state outside the state constraints is not expanded (TLC's meaning): no edges,
            // so a run that reaches it ends there.
            if system.constrained && !system.withinConstraints(machine) {
                edgeStart.append(Int32(edgeTarget.count))
                next += 1
                continue
            }
            var failure: Stop?
            let source = Int32(next)
            let expansion = system.forEachSuccessor(of: current, machine: machine) { instance in
                guard failure == nil else { return }
                let fingerprint = fingerprinter.fingerprint(machine.state)
                do throws(Stop) {
                    let target = try add(fingerprint, from: source)
                    let label = Label(action: instance.action, process: instance.process, choice: instance.choice,
                                      sender: instance.sender)
                    let labelID: Int32
                    if let known = labelIDs[label] {
                        labelID = known
                    } else {
                        labelID = Int32(labels.count)
                        labelIDs[label] = labelID
                        labels.append(label)
                    }
                    edgeTarget.append(target)
                    edgeLabel.append(labelID)
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            if let fault = expansion.fault { throw .fault(fault.message) }
            if expansion.overflows > 0 {
                throw .networkFull("a send found the network full (capacity \(system.ir.network.capacity)); "
                                   + "liveness needs the whole graph")
            }
            edgeStart.append(Int32(edgeTarget.count))
            next += 1
        }
    }
}

/// One liveness property to check: a declared property, or one process's instance of it.
///
/// ```swift
/// let instance = LivenessInstance(name: "starvation freedom (p1)", declaration: decl, binding: 3, value: 1, …)
/// ```
struct LivenessInstance {
    let name: String
    let declaration: Int
    let kind: LivenessDecl.Kind
    let premise: Expr
    let conclusion: Expr
    let binding: Int?
    let value: Int

    /// Every instance of the spec's liveness properties, in declaration order.
    static func all(of ir: SpecIR) -> [LivenessInstance] {
        ir.liveness.enumerated().flatMap { index, declaration -> [LivenessInstance] in
            guard let binding = declaration.binding, let domain = declaration.domain else {
                return [LivenessInstance(name: declaration.name, declaration: index, kind: declaration.kind,
                                         premise: declaration.premise, conclusion: declaration.conclusion,
                                         binding: nil, value: 0)]
            }
            return domain.values(roles: ir.roles).map { value in
                LivenessInstance(name: "\(declaration.name) (\(ir.processName(value)))", declaration: index,
                                 kind: declaration.kind, premise: declaration.premise,
                                 conclusion: declaration.conclusion, binding: binding.index, value: value)
            }
        }
    }
}
