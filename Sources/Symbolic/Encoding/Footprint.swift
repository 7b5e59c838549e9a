/// What one action instance may read and write, whatever the state: variable slots, message
/// counters (unordered network) and channels (FIFO). The unordered network's total (for its
/// capacity) is left out: `StepOrder` explains why. Gathered while the instance is encoded; two
/// instances whose footprints do not conflict commute (`StepOrder`).
///
/// ```swift
/// let a = encoder.footprints[0], b = encoder.footprints[1]
/// if !a.conflicts(with: b) { /* a;b and b;a reach the same state */ }
/// ```
struct Footprint {
    enum Resource: Hashable {
        case slot(Int)
        case counter(Int)
        case channel(Int)
    }
    var reads: Set<Resource> = []
    var writes: Set<Resource> = []
    /// Whether running the two in either order could differ in what they read or leave: one
    /// writes what the other reads or writes.
    func conflicts(with other: Footprint) -> Bool {
        !writes.isDisjoint(with: other.reads) || !writes.isDisjoint(with: other.writes)
            || !other.writes.isDisjoint(with: reads)
    }
}
