/// Packs a state — its canonical form when symmetry reduction is on — and fingerprints it.
/// The search and trace rebuilding both use it, so they agree on which states are "the same".
///
/// ```swift
/// let fingerprinter = StateFingerprinter(system: system, symmetry: true)
/// let fp = fingerprinter.fingerprint(machine.state)   // packed words in fingerprinter.words
/// ```
final class StateFingerprinter {
    let packer: StatePacker
    let reducer: SymmetryReducer?
    /// The packed (canonical) form of the state last fingerprinted.
    let words: UnsafeMutablePointer<UInt64>
    private let scratch: UnsafeMutablePointer<Int>
    private let slotCount: Int

    init(system: TransitionSystem, symmetry: Bool) {
        packer = system.packer
        reducer = symmetry ? SymmetryReducer(system) : nil
        slotCount = system.layout.slotCount
        words = WorkerMemory.allocate(count: packer.wordCount, initializedTo: 0)
        scratch = WorkerMemory.allocate(count: slotCount, initializedTo: 0)
    }

    deinit {
        WorkerMemory.deallocate(words)
        WorkerMemory.deallocate(scratch)
    }

    func fingerprint(_ state: UnsafePointer<Int>) -> UInt64 {
        if let reducer {
            scratch.update(from: state, count: slotCount)
            reducer.canonicalize(scratch)
            packer.pack(scratch, into: words)
        } else {
            packer.pack(state, into: words)
        }
        return packer.fingerprint(words)
    }
}
