import Explorer
import Kripke
import Synchronization

/// Facts that hold in every reachable state a search shows it, over the attributes of
/// `StateViews`: "attribute *t* only takes these values" and "when attribute *c* has value *v*,
/// attribute *t* only takes these values", for every process (or ordered pair) of a role, and
/// "x[i] ≤ y[i]" between numeric attributes. It is a `SearchVisitor`: the explorer's own search
/// feeds it raw frames, and it compares raw values, so no display value is ever read back. Given
/// an unreachable state — the first state of a counterexample to induction — the facts it
/// violates are candidate lemmas that would exclude it: true in this instance, to be stated in
/// the spec and proved.
///
/// ```swift
/// let facts = ReachableFacts(ir)
/// var options = SearchOptions(partialOrder: false)
/// options.symmetry = false
/// options.visitor = facts
/// _ = try BreadthFirstSearch(ir, options: options).run()
/// for fact in facts.violated(by: cti.frames![0]) { print(fact) }
/// // ∀ i: phase[i] = critical ⇒ replies[i] = 2   (fails for i = p0)
/// ```
public final class ReachableFacts: SearchVisitor {
    /// A fact that holds in the mined states but not in a given state.
    public struct Fact: Sendable, Hashable, CustomStringConvertible {
        /// The fact, quantified over the processes of a role: `∀ i: … ⇒ …`.
        public let statement: String
        /// The processes for which the given state breaks it, e.g. `i = p0` (empty for a fact about
        /// the whole state).
        public let witness: String
        public var description: String { witness.isEmpty ? statement : "\(statement)   (fails for \(witness))" }
        /// The fact as an IR condition, to try as a lemma (its bindings start at `ir.bindingCount`).
        public let condition: Expr
    }

    /// A fact found in one kind of view, over the view's attribute positions and raw values.
    struct Mined {
        enum Claim {
            case oneOf(Int, [Int])
            case not(Int, Int)
            case atMost(Int, Int)
            case equal(Int, Int)
        }
        /// "when attribute c has value v"; nil for an unconditional fact.
        let condition: (attribute: Int, value: Int)?
        let claim: Claim

        var involved: [Int] {
            let claimed: [Int] = switch claim {
            case .oneOf(let t, _), .not(let t, _): [t]
            case .atMost(let x, let y), .equal(let x, let y): [x, y]
            }
            return (condition.map { [$0.attribute] } ?? []) + claimed
        }

        /// The fact in words: `names[a]` names attribute a, `show(a, v)` shows its raw value v.
        func text(_ names: [String], _ show: (Int, Int) -> String) -> String {
            let claimed = switch claim {
            case .oneOf(let t, let values) where values.count == 1: "\(names[t]) = \(show(t, values[0]))"
            case .oneOf(let t, let values): "\(names[t]) ∈ {\(values.map { show(t, $0) }.joined(separator: ", "))}"
            case .not(let t, let value): "\(names[t]) ≠ \(show(t, value))"
            case .atMost(let x, let y): "\(names[x]) ≤ \(names[y])"
            case .equal(let x, let y): "\(names[x]) = \(names[y])"
            }
            return condition.map { "\(names[$0.attribute]) = \(show($0.attribute, $0.value)) ⇒ \(claimed)" } ?? claimed
        }
    }

    private let ir: SpecIR
    private let views: StateViews
    private let tables = Mutex<(seen: Int, byKind: [StateViews.Kind: Table])>((0, [:]))

    /// The number of states mined so far.
    public var states: Int { tables.withLock { $0.seen } }

    /// Mines `ir`'s states as a search shows them (``visit(_:)``).
    public init(_ ir: SpecIR) {
        self.ir = ir
        views = StateViews(ir)
    }

    public func visit(_ frame: RawFrame) {
        let seen = views.views(of: frame)
        tables.withLock { tables in
            tables.seen += 1
            for view in seen {
                tables.byKind[view.kind, default: Table(width: view.values.count, numeric: numeric(view.kind))].record(view.values)
            }
        }
    }

    private func numeric(_ kind: StateViews.Kind) -> [Bool] {
        (views.attributes[kind] ?? []).map(views.isNumber)
    }

    /// `ir` with `fact` added as a helper lemma, to see whether it closes a proof.
    ///
    /// ```swift
    /// let strengthened = ReachableFacts.adding(fact, to: ir)
    /// ```
    public static func adding(_ fact: Fact, to ir: SpecIR) -> SpecIR {
        var strengthened = ir
        strengthened.invariants.append(InvariantDecl(name: fact.statement, condition: fact.condition,
                                                     location: SourceLocation(file: "candidate lemma", line: 0), isLemma: true))
        strengthened.bindingCount = ir.bindingCount + FactLemma.bindingsUsed
        return strengthened
    }

    /// The facts `frame` violates, at most `limit`: first those about the variables and message
    /// kinds in `focus` (typically what the failing invariant reads), simplest first (unconditional,
    /// ordering, conditional).
    public func violated(by frame: RawFrame, focus: Set<String> = [], limit: Int = 6) -> [Fact] {
        let tables = tables.withLock { $0.byKind }
        var found: [(rank: Int, fact: Fact)] = []
        var seen: Set<String> = []
        for view in views.views(of: frame) {
            guard let table = tables[view.kind], let attributes = views.attributes[view.kind] else { continue }
            let witness = zip(["i", "j"], view.processes).map { "\($0) = \(views.processName($1))" }.joined(separator: ", ")
            let quantifier = switch view.kind {
            case .global: ""
            case .single: "∀ i: "
            case .pair: "∀ i ≠ j: "
            }
            let show = { (attribute: Int, raw: Int) in self.views.display(raw, of: attributes[attribute]) }
            for (rank, mined) in table.violations(view.values, show: show) {
                let about = mined.involved.map { attributes[$0] }
                // In a pair's view, a fact about i alone (or j alone) is a fact of the single view.
                if case .pair = view.kind, about.allSatisfy({ $0.owner == .i }) || about.allSatisfy({ $0.owner == .j }) { continue }
                let statement = quantifier + mined.text(attributes.map(\.name), show)
                guard seen.insert(statement).inserted else { continue }
                let relevance = about.contains { focus.contains($0.about) } ? 0 : 10
                let lemma = FactLemma(ir: ir, kind: view.kind, attributes: attributes).condition(mined)
                found.append((relevance + rank, Fact(statement: statement, witness: witness, condition: lemma)))
            }
        }
        // By rank, then in the order found (Swift's sort is not guaranteed stable).
        return found.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .prefix(limit).map(\.element.fact)
    }

    /// Observations for one kind of view: each attribute's values, each attribute's values given
    /// another's value, and which numeric attributes are always ordered.
    private struct Table: Sendable {
        let width: Int
        let numeric: [Bool]
        var values: [Set<Int>]
        var given: [[Int: [Set<Int>]]]   // given[c][v][t]: values of t when c = v
        var alwaysAtMost: [[Bool]]        // alwaysAtMost[x][y]: x ≤ y in every view (both numeric)

        init(width: Int, numeric: [Bool]) {
            self.width = width
            self.numeric = numeric
            values = Array(repeating: [], count: width)
            given = Array(repeating: [:], count: width)
            alwaysAtMost = (0..<width).map { x in (0..<width).map { y in numeric[x] && numeric[y] } }
        }

        mutating func record(_ view: [Int]) {
            for c in 0..<width {
                values[c].insert(view[c])
                var row = given[c][view[c]] ?? Array(repeating: [], count: width)
                for t in 0..<width where t != c { row[t].insert(view[t]) }
                given[c][view[c]] = row
                for y in 0..<width where alwaysAtMost[c][y] && view[c] > view[y] { alwaysAtMost[c][y] = false }
            }
        }

        /// The facts `view` violates, each with a rank (lower is simpler).
        func violations(_ view: [Int], show: (Int, Int) -> String) -> [(rank: Int, fact: Mined)] {
            var result: [(Int, Mined)] = []
            for t in 0..<width where !values[t].contains(view[t]) {
                result.append((0, Mined(condition: nil, claim: claim(t, values[t], all: values[t], show: show))))
            }
            for x in 0..<width {
                for y in 0..<width where x != y && alwaysAtMost[x][y] && view[x] > view[y] {
                    result.append((1, Mined(condition: nil, claim: alwaysAtMost[y][x] ? .equal(x, y) : .atMost(x, y))))
                }
            }
            var related: Set<[Int]> = []   // c ⇒ t and its contrapositive t ⇒ c: state one
            for c in 0..<width {
                guard let row = given[c][view[c]] else { continue }
                for t in 0..<width where t != c && values[t].contains(view[t]) && !row[t].contains(view[t]) {
                    guard related.insert([min(c, t), max(c, t)]).inserted else { continue }
                    result.append((2, Mined(condition: (c, view[c]), claim: claim(t, row[t], all: values[t], show: show))))
                }
            }
            return result
        }

        /// `t = v`, `t ≠ w` or `t ∈ {…}`, whichever is shortest; values in the order they read.
        private func claim(_ t: Int, _ allowed: Set<Int>, all: Set<Int>, show: (Int, Int) -> String) -> Mined.Claim {
            let sorted = allowed.sorted { show(t, $0) < show(t, $1) }
            let excluded = all.subtracting(allowed)
            if sorted.count > 1, excluded.count == 1 { return .not(t, excluded.first!) }
            return .oneOf(t, sorted)
        }
    }
}
