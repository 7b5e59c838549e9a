/// Why an invariant is false in a state, in the spec's names: the processes (or values) its
/// quantifiers and counts pick out — the `i` of a `∀ i` whose body fails, the processes a
/// `Count(…) ≤ 1` counts — and the values it reads there.
///
/// ```swift
/// if let instance = try TraceReplay(ir).falsifyingInstance(of: "mutual exclusion", at: trace) {
///     print(instance)   // "p0, p1: phase[p0] = critical, phase[p1] = critical"
/// }
/// ```
public struct FalsifyingInstance: Sendable, Equatable, CustomStringConvertible {
    /// The values of the quantified variables and the counted processes, in the order found.
    public let instance: [String]
    /// What the invariant reads at them, as `variable[index] = value`.
    public let reads: [String]

    public init(instance: [String], reads: [String]) {
        self.instance = instance
        self.reads = reads
    }

    public var description: String {
        let values = reads.joined(separator: ", ")
        guard !instance.isEmpty else { return values }
        return instance.joined(separator: ", ") + (values.isEmpty ? "" : ": " + values)
    }
}
