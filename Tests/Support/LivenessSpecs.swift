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

    /// p1 toggles a flag for ever; p0 may fire while the flag is up, and "fires" must happen. Fire
    /// is enabled infinitely often but never continuously: weak fairness lets it wait for ever,
    /// strong fairness does not (`fire` nil: only the toggle is fair).
    public static func flicker(_ fire: FairnessDecl.Kind?) -> SpecDefinition {
        SpecDefinition(name: "flicker", summary: "a step enabled only now and then", parameters: [],
                       expectation: fire == .strong ? .holds : .violated) { s in
            let procs = s.processes("p", count: 2)
            let flag = s.global("flag", in: .bool, initial: false)
            let fired = s.global("fired", in: .bool, initial: false)
            s.action("toggle", for: procs) { i in
                Require(i == procs.process(1))
                flag <- !flag
            }
            s.action("fire", for: procs) { i in
                Require(i == procs.process(0))
                Require(flag)
                Require(!fired)
                fired <- true
            }
            s.fair(.weak, action: "toggle")
            if let fire { s.fair(fire, action: "fire") }
            s.check(Eventually("fires", fired == true))
        }
    }
}
