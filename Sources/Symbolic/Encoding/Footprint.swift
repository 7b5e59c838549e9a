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
    /// FIFO channels it may append to (send) and take the head of (deliver). An append and a
    /// head removal on one channel commute when the head was already there, which `StepOrder`
    /// requires of every pair it reorders; two appends (or two removals) do not.
    var appends: Set<Int> = []
    var pops: Set<Int> = []

    /// Whether running the two in either order could differ in what they read or leave: one
    /// writes what the other reads or writes, both append to one channel or both take from one,
    /// or one appends to or takes from a channel the other otherwise reads or writes.
    func conflicts(with other: Footprint) -> Bool {
        !writes.isDisjoint(with: other.reads) || !writes.isDisjoint(with: other.writes)
            || !other.writes.isDisjoint(with: reads)
            || !appends.isDisjoint(with: other.appends) || !pops.isDisjoint(with: other.pops)
            || !appends.union(pops).isDisjoint(with: other.channels) || !other.appends.union(other.pops).isDisjoint(with: channels)
    }

    /// Channels read or written other than by an append or a head removal (`InFlight`, losses).
    private var channels: Set<Int> {
        Set(reads.union(writes).compactMap { if case .channel(let c) = $0 { c } else { nil } })
    }
}
