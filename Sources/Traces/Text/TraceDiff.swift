import Kripke

/// What changed between two states: each changed leaf by its path (`deferred[p1][p0]`), and the
/// messages that entered and left the network.
///
/// ```swift
/// let diff = TraceDiff(from: trace.states[0], to: trace.states[1], variables: trace.variables)
/// for change in diff.changes { print(change.path, change.old, "→", change.new) }
/// ```
public struct TraceDiff: Sendable {
    public struct Change: Sendable, Equatable {
        public let path: String
        public let old: Value?
        public let new: Value?
    }

    public let changes: [Change]
    public let sent: [Value]
    public let delivered: [Value]

    public init(from before: TraceState, to after: TraceState, variables: [String]) {
        var changes: [Change] = []
        for name in variables where name != TraceState.networkKey {
            let old = TraceDiff.leaves(of: before[name], path: name)
            let new = TraceDiff.leaves(of: after[name], path: name)
            for (path, value) in new where old.first(where: { $0.0 == path })?.1 != value {
                changes.append(Change(path: path, old: old.first { $0.0 == path }?.1, new: value))
            }
        }
        self.changes = changes
        let oldMessages = TraceDiff.messages(in: before[TraceState.networkKey])
        let newMessages = TraceDiff.messages(in: after[TraceState.networkKey])
        sent = TraceDiff.subtract(oldMessages, from: newMessages)
        delivered = TraceDiff.subtract(newMessages, from: oldMessages)
    }

    /// Leaves of a value with their paths: maps are indexed by their keys, other values are leaves.
    static func leaves(of value: Value?, path: String) -> [(String, Value)] {
        guard let value else { return [] }
        if case .map(let entries) = value {
            return entries.flatMap { leaves(of: $0.value, path: "\(path)[\($0.key)]") }
        }
        return [(path, value)]
    }

    /// Every message record in a network value (a bag sequence, or a map of channel queues).
    static func messages(in network: Value?) -> [Value] {
        switch network {
        case .sequence(let items)?: return items
        case .map(let channels)?: return channels.flatMap { messages(in: $0.value) }
        default: return []
        }
    }

    /// Multiset difference `all − removed`.
    private static func subtract(_ removed: [Value], from all: [Value]) -> [Value] {
        var remaining = removed
        var result: [Value] = []
        for item in all {
            if let index = remaining.firstIndex(of: item) { remaining.remove(at: index) } else { result.append(item) }
        }
        return result
    }
}
