import Dispatch

/// Expands a slice of the BFS frontier: computes every successor's (canonical) packed form and
/// fingerprint, and per expanded state whether it deadlocks, overflows or faults. Workers run in
/// parallel on disjoint slices; the search then merges their batches in frontier order, so the
/// result — states, numbering, counterexamples — is the same for any number of workers.
///
/// ```swift
/// let workers = (0..<2).map { _ in ExpansionWorker(system: system, options: options) }
/// ExpansionWorker.expand(workers, frontier: pointer, range: 0..<count)
/// ```
final class ExpansionWorker: @unchecked Sendable {   // each worker is used by one thread at a time
    /// What expanding one frontier state produced.
    struct Expanded {
        var successors = 0
        var overflows = 0
        var deadlock = false
        var fault: (message: String, instance: ActionInstance)?
    }

    let system: TransitionSystem
    private let machine: Machine
    private let fingerprinter: StateFingerprinter
    private let unpacked: UnsafeMutablePointer<Int>
    private let checkDeadlock: Bool
    private let wordCount: Int
    /// Fingerprints and packed words of the successors, in generation order.
    private(set) var fingerprints: [UInt64] = []
    private(set) var words: [UInt64] = []
    /// The action (index into the spec's actions, or -1 for a message loss) of each successor.
    private(set) var actions: [Int32] = []
    /// One entry per expanded state, in frontier order.
    private(set) var expanded: [Expanded] = []

    init(system: TransitionSystem, options: SearchOptions) {
        self.system = system
        machine = system.makeMachine()
        fingerprinter = StateFingerprinter(system: system, symmetry: options.symmetry)
        unpacked = .allocate(capacity: max(system.layout.slotCount, 1))
        checkDeadlock = options.checkDeadlock
        wordCount = system.packer.wordCount
    }

    deinit { unpacked.deallocate() }

    /// Expands the frontier states at `range` (positions in the packed `frontier`).
    func expand(_ frontier: UnsafePointer<UInt64>, _ range: Range<Int>) {
        fingerprints.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        actions.removeAll(keepingCapacity: true)
        expanded.removeAll(keepingCapacity: true)
        for position in range {
            system.packer.unpack(frontier + position * wordCount, into: unpacked)
            var record = Expanded()
            let expansion = system.forEachSuccessor(of: unpacked, machine: machine) { instance in
                fingerprints.append(fingerprinter.fingerprint(machine.state))
                actions.append(Int32(instance.action))
                words.append(contentsOf: UnsafeBufferPointer(start: fingerprinter.words, count: wordCount))
                record.successors += 1
            }
            record.overflows = expansion.overflows
            record.fault = expansion.fault
            if checkDeadlock && expansion.enabled == 0 && expansion.overflows == 0 && expansion.fault == nil {
                machine.load(unpacked)
                record.deadlock = !system.isValidEnd(machine)
            }
            expanded.append(record)
            if record.fault != nil { return }
        }
    }

    /// Splits `range` into one contiguous slice per worker and expands the slices in parallel.
    static func expand(_ workers: [ExpansionWorker], frontier: UnsafePointer<UInt64>, range: Range<Int>) {
        let slices = slice(range, into: workers.count)
        if workers.count == 1 {
            workers[0].expand(frontier, slices[0])
            return
        }
        let shared = SharedFrontier(pointer: frontier)
        DispatchQueue.concurrentPerform(iterations: workers.count) { index in
            workers[index].expand(shared.pointer, slices[index])
        }
    }

    static func slice(_ range: Range<Int>, into parts: Int) -> [Range<Int>] {
        let size = (range.count + parts - 1) / max(parts, 1)
        return (0..<parts).map { part in
            let lower = min(range.upperBound, range.lowerBound + part * size)
            return lower..<min(range.upperBound, lower + size)
        }
    }
}

/// The frontier's packed words, read (never written) by all workers during one parallel phase.
private struct SharedFrontier: @unchecked Sendable {
    let pointer: UnsafePointer<UInt64>
}
