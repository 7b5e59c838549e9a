import SMT

/// Pigeonhole formulas: `pigeons` pigeons in `holes` holes, each hole holding at
/// most one pigeon. Unsatisfiable whenever `pigeons > holes`.
enum Pigeonhole {
    /// Integer encoding: pigeon `i` sits in hole `h@i` with `0 <= h@i < holes`,
    /// and all holes differ. Small instances are solved instantly.
    static func integers(_ ctx: Context, pigeons: Int, holes: Int) throws -> Term {
        let hole = try (0..<pigeons).map { try ctx.intConst("h@\($0)") }
        let inRange = try hole.map { try $0 >= 0 && $0 < holes }
        return try ctx.and(inRange).and(ctx.distinct(hole))
    }

    /// Propositional encoding: `p_i_j` says pigeon `i` sits in hole `j`. Resolution
    /// proofs of these are exponential, so a dozen pigeons keep Z3 busy for minutes.
    static func propositional(_ ctx: Context, pigeons: Int, holes: Int) throws -> Term {
        let sits = try (0..<pigeons).map { pigeon in
            try (0..<holes).map { hole in try ctx.boolConst("p_\(pigeon)_\(hole)") }
        }
        var clauses = try sits.map { try ctx.or($0) }
        for hole in 0..<holes {
            for first in 0..<pigeons {
                for second in (first + 1)..<pigeons {
                    clauses.append(try !(sits[first][hole] && sits[second][hole]))
                }
            }
        }
        return try ctx.and(clauses)
    }
}
