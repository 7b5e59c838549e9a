import Foundation
import SMT

/// What a symbolic run may spend: a wall-clock deadline and a ``Cancellation``. ``check(_:assuming:)``
/// runs one solver check within it and throws ``Budget/Exhausted`` when it ran out or was cancelled.
///
/// ```swift
/// let budget = Budget(maxSeconds: 10, cancellation: nil)
/// let result = try budget.check(solver, assuming: [literal])   // never .unknown because of the budget
/// ```
struct Budget {
    /// Thrown when the deadline passed or the run was cancelled.
    struct Exhausted: Error {
        let cancelled: Bool
    }

    let deadline: Date?
    let cancellation: Cancellation?

    init(maxSeconds: Double?, cancellation: Cancellation?, start: Date = Date()) {
        deadline = maxSeconds.map { start.addingTimeInterval($0) }
        self.cancellation = cancellation
    }

    /// Throws ``Exhausted`` when the time is up or the run was cancelled.
    func requireLeft() throws {
        if cancellation?.isCancelled == true { throw Exhausted(cancelled: true) }
        if let deadline, deadline.timeIntervalSinceNow <= 0 { throw Exhausted(cancelled: false) }
    }

    /// Checks within what is left; an `.unknown` caused by the budget becomes ``Exhausted``.
    func check(_ solver: Solver, assuming assumptions: [Term]) throws -> SatResult {
        try requireLeft()
        if let deadline {
            let left = deadline.timeIntervalSinceNow
            try solver.setTimeout(milliseconds: UInt32(min(left * 1000, Double(UInt32.max - 1)).rounded(.up)))
        }
        let result = try cancellation.map { try $0.whileRegistered(solver.makeInterrupter()) { try solver.check(assuming: assumptions) } }
            ?? solver.check(assuming: assumptions)
        if case .unknown = result { try requireLeft() }
        return result
    }
}
