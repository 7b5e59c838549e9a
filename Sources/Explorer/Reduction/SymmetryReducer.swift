import Kripke

/// Symmetry reduction: maps every state to the canonical member of its orbit under permutations
/// of the ids of each symmetric role (a scalarset), so the search stores one state per orbit.
///
/// The canonical form is exact — the lexicographically smallest image over all permutations —
/// computed cheaply: processes are first sorted by a permutation-invariant signature (a
/// multiset hash of their own variables and messages), and only orderings within groups of
/// equal signatures are tried. Exactness makes traces rebuildable from real runs: a successor
/// of a real state always has the same canonical form as the stored one it stands for.
/// `SymmetryCheck` (in the validator) guarantees the spec treats these ids only as names.
///
/// ```swift
/// if let reducer = SymmetryReducer(system) { reducer.canonicalize(machine.state) }
/// ```
final class SymmetryReducer {
    private let layout: StateLayout
    private let plan: SymmetryPlan
    private let slotCount: Int
    private var permutation: [Int]
    private let best: UnsafeMutablePointer<Int>
    private let candidate: UnsafeMutablePointer<Int>
    private let fields: UnsafeMutablePointer<Int>
    private var signatures: [UInt64]

    /// `nil` when the spec has no symmetric role with more than one process.
    init?(_ system: TransitionSystem) {
        guard let plan = SymmetryPlan(system.ir, layout: system.layout) else { return nil }
        self.plan = plan
        layout = system.layout
        slotCount = layout.slotCount
        permutation = Array(0..<layout.processCount)
        best = WorkerMemory.allocate(count: slotCount, initializedTo: 0)
        candidate = WorkerMemory.allocate(count: slotCount, initializedTo: 0)
        fields = WorkerMemory.allocate(count: layout.codec.maxFieldCount, initializedTo: 0)
        signatures = Array(repeating: 0, count: layout.processCount)
    }

    deinit {
        WorkerMemory.deallocate(best)
        WorkerMemory.deallocate(candidate)
        WorkerMemory.deallocate(fields)
    }

    /// Replaces `state` by the canonical member of its orbit.
    func canonicalize(_ state: UnsafeMutablePointer<Int>) {
        computeSignatures(state)
        var groups: [[Int]] = []
        for role in plan.roles {
            let members = (role.first..<(role.first + role.count)).sorted { (signatures[$0], $0) < (signatures[$1], $1) }
            var start = 0
            while start < members.count {
                var end = start + 1
                while end < members.count && signatures[members[end]] == signatures[members[start]] { end += 1 }
                let targets = Array((role.first + start)..<(role.first + end))
                for (member, target) in zip(members[start..<end], targets) { permutation[member] = target }
                if end - start > 1 { groups.append(Array(members[start..<end])) }
                start = end
            }
        }
        apply(state, into: best)
        if !groups.isEmpty { searchTies(groups, 0, state) }
        state.update(from: best, count: slotCount)
    }

    /// Tries every assignment of each tie group's members to the group's target ids, keeping the
    /// smallest image in `best`.
    private func searchTies(_ groups: [[Int]], _ index: Int, _ state: UnsafeMutablePointer<Int>) {
        guard index < groups.count else {
            apply(state, into: candidate)
            if isSmaller(candidate, than: best) { best.update(from: candidate, count: slotCount) }
            return
        }
        let members = groups[index]
        let targets = members.map { permutation[$0] }.sorted()
        var order = targets
        func permute(_ k: Int) {
            if k == order.count {
                for (member, target) in zip(members, order) { permutation[member] = target }
                searchTies(groups, index + 1, state)
                return
            }
            for i in k..<order.count {
                order.swapAt(k, i)
                permute(k + 1)
                order.swapAt(k, i)
            }
        }
        permute(0)
        for (member, target) in zip(members, targets) { permutation[member] = target }
    }

    /// The image of `state` under an explicit permutation of global process ids (identity outside
    /// symmetric roles); lets tests compare the canonical form with a brute-force orbit minimum.
    func image(of state: [Int], under explicit: [Int]) -> [Int] {
        let saved = permutation
        permutation = explicit
        defer { permutation = saved }
        let source = UnsafeMutablePointer<Int>.allocate(capacity: max(slotCount, 1))
        defer { source.deallocate() }
        state.withUnsafeBufferPointer { source.update(from: $0.baseAddress!, count: slotCount) }
        apply(source, into: candidate)
        return Array(UnsafeBufferPointer(start: candidate, count: slotCount))
    }

    /// The symmetric roles' process-id ranges.
    var symmetricRoles: [(first: Int, count: Int)] { plan.roles }

    private func isSmaller(_ a: UnsafeMutablePointer<Int>, than b: UnsafeMutablePointer<Int>) -> Bool {
        for slot in 0..<slotCount where a[slot] != b[slot] { return a[slot] < b[slot] }
        return false
    }

    /// Writes the image of `state` under `permutation` into `target`.
    private func apply(_ state: UnsafeMutablePointer<Int>, into target: UnsafeMutablePointer<Int>) {
        target.update(from: state, count: slotCount)
        for variable in plan.variables {
            for offset in 0..<variable.size {
                var moved = offset
                for dimension in variable.symmetricDimensions {
                    let index = (offset / dimension.stride) % dimension.count
                    moved += (permutation[dimension.lower + index] - dimension.lower - index) * dimension.stride
                }
                let value = state[variable.base + offset]
                target[variable.base + moved] = variable.valueIsSymmetric && value >= 0 ? permutation[value] : value
            }
        }
        applyToNetwork(state, into: target)
    }

    private func applyToNetwork(_ state: UnsafeMutablePointer<Int>, into target: UnsafeMutablePointer<Int>) {
        let capacity = layout.capacity
        guard capacity > 0 else { return }
        switch layout.semantics {
        case .fifo:
            for sender in 0..<layout.processCount {
                for receiver in 0..<layout.processCount {
                    let from = layout.channelBase(sender: sender, receiver: receiver)
                    let to = layout.channelBase(sender: permutation[sender], receiver: permutation[receiver])
                    for position in 0..<capacity {
                        let value = state[from + position]
                        target[to + position] = value == 0 ? 0 : mapCode(value - 1) + 1
                    }
                }
            }
        case .unordered:
            let base = layout.networkBase
            for position in 0..<capacity {
                let value = state[base + position]
                guard value != 0 else { target[base + position] = 0; continue }
                let entry = layout.bagEntry(value)
                target[base + position] = layout.bagValue(sender: permutation[entry.sender], receiver: permutation[entry.receiver],
                                                          code: mapCode(entry.code))
            }
            var bag = UnsafeMutableBufferPointer(start: target + base, count: capacity)
            bag.sort(by: >)
        }
    }

    /// The message code with its process-id fields of symmetric roles permuted.
    private func mapCode(_ code: Int) -> Int {
        let kind = layout.messages.kind(of: code)
        let symmetricFields = plan.symmetricFields[kind]
        guard !symmetricFields.isEmpty else { return code }
        _ = layout.messages.decode(code, into: fields)
        for field in symmetricFields where fields[field] >= 0 { fields[field] = permutation[fields[field]] }
        return layout.codec.code(kind: kind, fields: fields) ?? code
    }

    /// A permutation-invariant summary of each process: multiset hashes of the values of its own
    /// variable slots (ids of symmetric roles abstracted to none / self / other) and of the
    /// messages it has sent and is to receive.
    private func computeSignatures(_ state: UnsafeMutablePointer<Int>) {
        for index in signatures.indices { signatures[index] = 0 }
        for (variableIndex, variable) in plan.variables.enumerated() {
            for (dimensionIndex, dimension) in variable.symmetricDimensions.enumerated() {
                let salt = UInt64(variableIndex &* 131 &+ dimensionIndex &* 7 &+ 1)
                for offset in 0..<variable.size {
                    let process = dimension.lower + (offset / dimension.stride) % dimension.count
                    var value = state[variable.base + offset]
                    if variable.valueIsSymmetric && value >= 0 { value = value == process ? -2 : -3 }
                    signatures[process] &+= StatePacker.mix(salt &* 0x9E37_79B9 ^ UInt64(bitPattern: Int64(value)))
                }
            }
        }
        NetworkOps.forEachMessage(in: state, layout: layout) { sender, receiver, code in
            let kind = UInt64(layout.messages.kind(of: code))
            let senderTag = plan.isSymmetric[receiver] ? UInt64.max : UInt64(receiver)
            let receiverTag = plan.isSymmetric[sender] ? UInt64.max : UInt64(sender)
            signatures[sender] &+= StatePacker.mix(kind &* 0x1000_0001 ^ senderTag ^ 0x5555)
            signatures[receiver] &+= StatePacker.mix(kind &* 0x1000_0001 ^ receiverTag ^ 0xAAAA)
        }
    }
}
