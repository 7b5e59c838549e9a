import Kripke

/// Observes a search: sees every distinct state the search expands, once, as a raw frame. How
/// analyses such as lemma mining learn the reachable states without a search of their own (as
/// Stateright's `CheckerVisitor`). With several workers it is called from their threads at once,
/// in no fixed order, so it must be thread-safe. With symmetry reduction it sees one state per
/// orbit, with partial-order reduction only the states the reduced search reaches: turn both off
/// to see every reachable state.
///
/// ```swift
/// final class Counter: SearchVisitor {
///     let seen = Mutex(0)
///     func visit(_ frame: RawFrame) { seen.withLock { $0 += 1 } }
/// }
/// var options = SearchOptions(partialOrder: false)
/// options.symmetry = false
/// options.visitor = Counter()
/// ```
public protocol SearchVisitor: AnyObject, Sendable {
    func visit(_ frame: RawFrame)
}
