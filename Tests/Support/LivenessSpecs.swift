import Kripke

/// Random liveness properties and fairness for `RandomSpecs`' specs: a leads-to, eventually or
/// always-eventually over their variables, and random weak fairness (per process, per action
/// instance or per action). Seeded like the specs, so a failing seed reproduces.
///
/// ```swift
/// var random = SplitMix(seed: 7)
/// var ir = RandomSpecs.make(&random)
/// LivenessSpecs.addLiveness(to: &ir, &random)
/// ```
public enum LivenessSpecs {
    static let x = VariableID(index: 0), y = VariableID(index: 1), g = VariableID(index: 2)

    /// A random property over the random spec's variables and random weak fairness.
    public static func addLiveness(to ir: inout SpecIR, _ random: inout SplitMix) {
        let processes = ir.roles[0].count
        func atom() -> Expr {
            switch random.int(0...2) {
            case 0: return .binary(.eq, .variable(x, [.literal(random.int(0...(processes - 1)))]), .literal(random.int(0...2)))
            case 1: return .variable(y, [.literal(random.int(0...(processes - 1)))])
            default: return .binary(.eq, .variable(g, []), .literal(random.int(0...2)))
            }
        }
        let here = SourceLocation(file: "LivenessSpecs.swift", line: 1)
        let kind = [LivenessDecl.Kind.leadsTo, .eventually, .alwaysEventually][random.int(0...2)]
        let premise = kind == .leadsTo ? atom() : .literal(1)
        var conclusion = atom()
        if random.chance(0.3) { conclusion = .binary(.or, conclusion, atom()) }
        ir.liveness = [LivenessDecl(name: "live", kind: kind, premise: premise, conclusion: conclusion, location: here)]
        ir.fairness = []
        if random.chance(0.4) { ir.fairness.append(FairnessDecl(kind: .weak, scope: .eachProcess(role: RoleID(index: 0)), location: here)) }
        for action in ir.actions.indices where random.chance(0.35) {
            ir.fairness.append(FairnessDecl(kind: .weak, scope: random.chance(0.7) ? .eachInstance(action: action) : .wholeAction(action: action),
                                            location: here))
        }
    }
}
