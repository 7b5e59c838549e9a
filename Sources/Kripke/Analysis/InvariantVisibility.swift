/// Which steps are *visible* to an invariant: those that may change its truth value, in either
/// direction — the visibility relation of partial-order reduction. (A step that can only make a
/// false invariant true is visible too: moving it before a violating state would hide that state.)
///
/// The check goes down the invariant's tree. A subterm that reads no cell the step writes and no
/// message kind it sends or takes cannot change. One that does is evaluated twice over value sets:
/// before the step, with each written cell pinned to the value its guard requires where a leading
/// `Require(x == c)` says so; after it, with the values the step writes. If both give the same
/// single value the subterm cannot change; otherwise its children are examined, and a variable
/// read whose value may differ is visible. So `phase[i] <- waiting` under `Require(phase[i] == idle)`
/// is invisible to `Count(i: phase[i] = critical) ≤ 1`, while `phase[i] <- idle` under
/// `Require(phase[i] == critical)` is not.
///
/// ```swift
/// let visibility = InvariantVisibility(analysis: analysis, invariant: condition)
/// visibility.mayChange(under: footprint, changedKinds: [0])
/// ```
public struct InvariantVisibility: Sendable {
    let analysis: FootprintAnalysis
    let invariant: Expr

    public init(analysis: FootprintAnalysis, invariant: Expr) {
        self.analysis = analysis
        self.invariant = invariant
    }

    /// Whether a step with this footprint, which adds or removes messages of `changedKinds`, may
    /// change the invariant's truth value.
    public func mayChange(under footprint: TransitionFootprint, changedKinds: Set<Int>) -> Bool {
        mayChange(invariant, footprint, changedKinds)
    }

    private func mayChange(_ expr: Expr, _ footprint: TransitionFootprint, _ changedKinds: Set<Int>) -> Bool {
        var after = FootprintWalker(ir: analysis.ir, cells: analysis.cells)
        after.overrides = footprint.writtenValues
        let afterValue = after.evaluate(expr)
        if !after.footprint.networkReads.isDisjoint(with: changedKinds) { return true }
        guard after.touched else { return false }
        var before = FootprintWalker(ir: analysis.ir, cells: analysis.cells)
        before.overrides = footprint.pinned
        let beforeValue = before.evaluate(expr)
        if let value = afterValue.constant, beforeValue.constant == value { return false }
        if case .variable = expr { return true }
        return expr.children.contains { mayChange($0, footprint, changedKinds) }
    }
}
