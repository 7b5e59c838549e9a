/// Which instance of which action produced a successor: the action, the acting process, the
/// choice code (`ChoiceEncoding`: the chosen values), and for a handler the delivered message (sender and code). Small and
/// allocation-free, so the search can pass it around per transition.
///
/// ```swift
/// let label = system.describe(instance)   // TraceStep "p1: receive request from p0 {ts: 1}"
/// ```
struct ActionInstance: Hashable, Sendable {
    var action: Int
    var process: Int
    var choice: Int
    var sender: Int
    var messageCode: Int
}
