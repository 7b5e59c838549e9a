import Foundation
import SMT

extension QuorumOverlap {
    /// Two quorums over N replicas as 0/1 membership variables, constrained to be disjoint;
    /// the caller fixes or bounds their sizes and calls ``solve()``.
    ///
    /// ```swift
    /// let query = try Query(n: 3)
    /// try query.solver.assert(query.writeSize == 2)
    /// try query.solver.assert(query.readSize == 1)
    /// try query.solve()   // .disjoint(write: [1, 2], read: [3])
    /// ```
    struct Query {
        let solver: Solver
        let writeSize: Term, readSize: Term
        private let inWrite: [Term], inRead: [Term]

        init(n: Int, deadline: Date? = nil) throws {
            let context = try Context(timeoutMilliseconds: Query.timeout(until: deadline))
            solver = try Solver(context: context)
            // An open scope keeps Z3 on its incremental SMT core. Without it, Z3's QF_LIA tactic
            // turns the bounded 0/1 variables into a SAT problem and refutes the pigeonhole by case
            // splitting: 7 s for every N up to 18 (measured), instead of 0.14 s up to 32.
            try solver.push()
            inWrite = try (1...n).map { try context.intConst("w\($0)") }
            inRead = try (1...n).map { try context.intConst("r\($0)") }
            for (write, read) in zip(inWrite, inRead) {
                try solver.assert(context.and([write >= 0, write <= 1, read >= 0, read <= 1,
                                               write + read <= 1]))   // no replica in both
            }
            writeSize = try context.intConst("W")
            readSize = try context.intConst("R")
            try solver.assert(writeSize == context.sum(inWrite))
            try solver.assert(readSize == context.sum(inRead))
        }

        /// Milliseconds left until `deadline` (at least 1), or nil for none.
        static func timeout(until deadline: Date?) -> UInt32? {
            deadline.map { UInt32(min(max($0.timeIntervalSinceNow * 1000, 1), Double(UInt32.max - 1))) }
        }

        func solve() throws -> Verdict {
            switch try solver.check() {
            case .unsat:
                return .proved
            case .unknown(let reason):
                throw SymbolicError.solver("Z3 gave up on the quorum query (\(reason))")
            case .sat:
                let model = try solver.model()
                func members(_ flags: [Term]) throws -> [Int] {
                    try flags.indices.filter { try model.int(flags[$0]) == 1 }.map { $0 + 1 }
                }
                return .disjoint(write: try members(inWrite), read: try members(inRead))
            }
        }
    }
}
