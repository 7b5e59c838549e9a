import Kripke
import SMT

/// Partial-order reduction for bounded model checking. When two adjacent steps a then b commute
/// and b was already enabled before a, the run with b first reaches the same state in as many
/// steps. So BMC keeps only one order: it forbids a then b whenever a's instance index is above
/// b's. Two instances commute when their transition groups are independent in the
/// engine-neutral `DependencyRelation` — the relation the explorer's stubborn sets read too —
/// so the two engines' reductions cannot drift apart. Two instances of one group (deliveries of
/// different payloads from one sender, losses of different messages on one channel) are kept
/// in both orders.
///
/// The relation is that of unbounded channels; a bounded network needs no extra rule: b's
/// "enabled before a" includes that its sends fit there, and a, run second, cannot overflow
/// either — a handler takes its message out before it sends, so a's count only rises to the
/// common end count, which fitted in the original order.
///
/// ```swift
/// let order = StepOrder(encoder)
/// try solver.assert(order.constraint(after: previousStep, then: step, context: context))
/// ```
struct StepOrder {
    /// forbidden[b]: the instances a > b that commute with b, as closed ranges of indices.
    let forbidden: [[ClosedRange<Int>]]

    init(_ encoder: SpecEncoder) {
        let relation = DependencyRelation(encoder.ir, invariants: [])
        let groups = encoder.instances.map { StepOrder.group(of: $0, relation, encoder.layout) }
        forbidden = groups.indices.map { b in
            let commuting = ((b + 1)..<groups.count).filter { a in relation.independent(groups[a], groups[b]) }
            return StepOrder.ranges(commuting)
        }
    }

    /// The transition group of a symbolic action instance.
    private static func group(of instance: SymbolicInstance, _ relation: DependencyRelation,
                              _ layout: SymbolicLayout) -> Int {
        switch instance.kind {
        case .local(let choice):
            return relation.local(action: instance.action!, process: instance.process, choice: choice)
        case .delivery(let key):
            return relation.delivery(action: instance.action!, receiver: key.receiver, sender: key.sender)
        case .loss(let key):
            return relation.loss(sender: key.sender, receiver: key.receiver)
        case .fifoLoss(let channel, _):
            let pair = layout.channels[channel]
            return relation.loss(sender: pair.sender, receiver: pair.receiver)
        }
    }

    /// Pairs (a, b) with a > b whose order BMC fixes.
    var commutingPairs: Int { forbidden.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }

    /// Steps `previous` (frame k−1 to k) and `step` (frame k to k+1) are not a commuting pair in
    /// the wrong order with the second already enabled in frame k−1.
    func constraint(after previous: SpecEncoder.Transition, then step: SpecEncoder.Transition,
                    context: Context) throws -> Term {
        var clauses: [Term] = []
        let before = previous.selector
        for (b, ranges) in forbidden.enumerated() where !ranges.isEmpty {
            let swappable = try (step.selector == b).and(previous.enabled[b])
            let wrongOrder = try context.or(ranges.map { range in
                range.count == 1 ? try before == range.lowerBound
                    : try (before >= range.lowerBound).and(before <= range.upperBound)
            })
            clauses.append(try swappable.implies(wrongOrder.not()))
        }
        return try context.and(clauses)
    }

    /// Sorted integers as maximal runs of consecutive values.
    private static func ranges(_ values: [Int]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for value in values {
            if let last = result.last, last.upperBound + 1 == value {
                result[result.count - 1] = last.lowerBound...value
            } else {
                result.append(value...value)
            }
        }
        return result
    }
}
