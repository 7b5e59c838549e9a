import Kripke

/// Facts that hold in every state of a set of reachable states, over the attributes of
/// `StateViews`: "attribute *t* only takes these values" and "when attribute *c* has value *v*,
/// attribute *t* only takes these values", for every process (or ordered pair) of a role, and
/// "x[i] ≤ y[i]" between integer attributes. Given an unreachable state — the first state of a
/// counterexample to induction — the facts it violates are candidate lemmas that would exclude
/// it: true in this instance, to be stated in the spec and proved.
///
/// ```swift
/// let reachable = try ReachableStates(ir).collect(maxStates: 100_000, maxSeconds: 10)
/// let facts = ReachableFacts(ir, states: reachable.states)
/// for fact in facts.violated(by: cti.states[0]) { print(fact) }
/// // ∀ i: phase[i] = critical ⇒ replies[i] = 2   (fails for i = p0)
/// ```
public struct ReachableFacts {
    /// A fact that holds in the mined states but not in a given state.
    public struct Fact: Sendable, Hashable, CustomStringConvertible {
        /// The fact, quantified over the processes of a role: `∀ i: … ⇒ …`.
        public let statement: String
        /// The processes for which the given state breaks it, e.g. `i = p0` (empty for a fact about
        /// the whole state).
        public let witness: String
        public var description: String { witness.isEmpty ? statement : "\(statement)   (fails for \(witness))" }
    }

    private let views: StateViews
    private var tables: [StateViews.Kind: Table] = [:]

    public init(_ ir: SpecIR, states: [TraceState]) {
        views = StateViews(ir)
        for state in states {
            for view in views.views(of: state) {
                tables[view.kind, default: Table(width: view.values.count)].record(view.values)
            }
        }
    }

    /// The facts `state` violates, at most `limit`: first those about the variables and message
    /// kinds in `focus` (typically what the failing invariant reads), simplest first (unconditional,
    /// ordering, conditional).
    public func violated(by state: TraceState, focus: Set<String> = [], limit: Int = 6) -> [Fact] {
        var found: [(rank: Int, fact: Fact)] = []
        var seen: Set<String> = []
        for view in views.views(of: state) {
            guard let table = tables[view.kind], let names = views.attributes[view.kind] else { continue }
            let witness = zip(["i", "j"], view.processes).map { "\($0) = \($1)" }.joined(separator: ", ")
            let quantifier = switch view.kind {
            case .global: ""
            case .single: "∀ i: "
            case .pair: "∀ i ≠ j: "
            }
            for (involved, rank, fact) in table.violations(view.values, names: names.map(\.name)) {
                let about = involved.map { names[$0] }
                // In a pair's view, a fact about i alone (or j alone) is a fact of the single view.
                if case .pair = view.kind, about.allSatisfy({ $0.owner == .i }) || about.allSatisfy({ $0.owner == .j }) { continue }
                let statement = quantifier + fact
                guard seen.insert(statement).inserted else { continue }
                let relevance = about.contains { focus.contains($0.about) } ? 0 : 10
                found.append((relevance + rank, Fact(statement: statement, witness: witness)))
            }
        }
        // By rank, then in the order found (Swift's sort is not guaranteed stable).
        return found.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .prefix(limit).map(\.element.fact)
    }

    /// Observations for one kind of view: each attribute's values, each attribute's values given
    /// another's value, and which integer attributes are always ordered.
    private struct Table {
        let width: Int
        var values: [Set<Value>]
        var given: [[Value: [Set<Value>]]]   // given[c][v][t]: values of t when c = v
        var alwaysAtMost: [[Bool]]            // alwaysAtMost[x][y]: x ≤ y in every view (both integers)

        init(width: Int) {
            self.width = width
            values = Array(repeating: [], count: width)
            given = Array(repeating: [:], count: width)
            alwaysAtMost = Array(repeating: Array(repeating: true, count: width), count: width)
        }

        mutating func record(_ view: [Value]) {
            for c in 0..<width {
                values[c].insert(view[c])
                var row = given[c][view[c]] ?? Array(repeating: [], count: width)
                for t in 0..<width where t != c { row[t].insert(view[t]) }
                given[c][view[c]] = row
                for y in 0..<width where alwaysAtMost[c][y] {
                    if case .int(let a) = view[c], case .int(let b) = view[y], a <= b { continue }
                    alwaysAtMost[c][y] = false
                }
            }
        }

        /// The facts `view` violates: the attributes each involves, a rank (lower is simpler), its statement.
        func violations(_ view: [Value], names: [String]) -> [([Int], Int, String)] {
            var result: [([Int], Int, String)] = []
            for t in 0..<width where !values[t].contains(view[t]) {
                result.append(([t], 0, "\(describe(names[t], values[t], all: values[t]))"))
            }
            for x in 0..<width {
                for y in 0..<width where x != y && alwaysAtMost[x][y] {
                    guard case .int(let a) = view[x], case .int(let b) = view[y], a > b else { continue }
                    result.append(([x, y], 1, alwaysAtMost[y][x] ? "\(names[x]) = \(names[y])" : "\(names[x]) ≤ \(names[y])"))
                }
            }
            var related: Set<[Int]> = []   // c ⇒ t and its contrapositive t ⇒ c: state one
            for c in 0..<width {
                guard let row = given[c][view[c]] else { continue }
                for t in 0..<width where t != c && values[t].contains(view[t]) && !row[t].contains(view[t]) {
                    guard related.insert([min(c, t), max(c, t)]).inserted else { continue }
                    result.append(([c, t], 2, "\(names[c]) = \(view[c]) ⇒ \(describe(names[t], row[t], all: values[t]))"))
                }
            }
            return result
        }

        /// `t = v`, `t ≠ w` or `t ∈ {…}`, whichever is shortest.
        private func describe(_ name: String, _ allowed: Set<Value>, all: Set<Value>) -> String {
            let sorted = allowed.sorted { $0.description < $1.description }
            if sorted.count == 1 { return "\(name) = \(sorted[0])" }
            let excluded = all.subtracting(allowed)
            if excluded.count == 1 { return "\(name) ≠ \(excluded.first!)" }
            return "\(name) ∈ {\(sorted.map(\.description).joined(separator: ", "))}"
        }
    }
}
