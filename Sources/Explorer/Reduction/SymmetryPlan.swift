import Kripke

/// What a permutation of symmetric process ids touches in a state: the symmetric roles, the
/// variable dimensions indexed by them, the variables and message fields holding their ids.
///
/// ```swift
/// let plan = SymmetryPlan(ir, layout: layout)   // nil when nothing is symmetric
/// ```
struct SymmetryPlan {
    struct Dimension {
        let lower: Int
        let count: Int
        let stride: Int
    }

    struct Variable {
        let base: Int
        let size: Int
        let symmetricDimensions: [Dimension]
        let valueIsSymmetric: Bool
    }

    let roles: [(first: Int, count: Int)]
    let variables: [Variable]
    /// Per message kind, the positions of fields holding ids of symmetric roles.
    let symmetricFields: [[Int]]
    /// Per global process id, whether it belongs to a symmetric role.
    let isSymmetric: [Bool]

    init?(_ ir: SpecIR, layout: StateLayout) {
        let symmetric = Set(ir.roles.indices.filter { ir.roles[$0].symmetric && ir.roles[$0].count > 1 })
        guard !symmetric.isEmpty else { return nil }
        let symmetricRoles = symmetric.sorted().map { (first: ir.roles[$0].firstID, count: ir.roles[$0].count) }
        roles = symmetricRoles
        func holdsSymmetricID(_ domain: ValueDomain) -> Bool {
            if case .process(let role, _) = domain { return symmetric.contains(role.index) }
            return false
        }
        var variables: [Variable] = []
        for (index, decl) in ir.variables.enumerated() {
            let dimensions = layout.variableDimensions[index]
            var symmetricDimensions: [Dimension] = []
            for (position, domain) in decl.indices.enumerated() {
                if case .role(let role) = domain, symmetric.contains(role.index) {
                    let dimension = dimensions[position]
                    symmetricDimensions.append(Dimension(lower: dimension.lower, count: dimension.count, stride: dimension.stride))
                }
            }
            let valueIsSymmetric = holdsSymmetricID(decl.domain)
            guard !symmetricDimensions.isEmpty || valueIsSymmetric else { continue }
            variables.append(Variable(base: layout.variableBase[index], size: dimensions.reduce(1) { $0 * $1.count },
                                      symmetricDimensions: symmetricDimensions, valueIsSymmetric: valueIsSymmetric))
        }
        self.variables = variables
        symmetricFields = ir.messages.map { message in message.fields.indices.filter { holdsSymmetricID(message.fields[$0].domain) } }
        isSymmetric = (0..<ir.processCount).map { id in symmetricRoles.contains { id >= $0.first && id < $0.first + $0.count } }
    }
}
