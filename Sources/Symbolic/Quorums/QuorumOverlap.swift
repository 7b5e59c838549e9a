import Foundation
import SMT

/// Proves with Z3 that every write quorum of size W meets every read quorum of size R among N
/// replicas when W + R > N, or finds two disjoint quorums when it does not hold.
///
/// Quorums are subsets of the replicas {1, …, N}, encoded as one 0/1 membership variable per
/// replica and quorum. Disjointness is `w_i + r_i ≤ 1` per replica, so the pigeonhole argument is
/// linear: Z3's simplex refutes it at once, where a propositional encoding would need exponential
/// case splitting. The symbolic proof (every N) reasons only about the sizes of the quorums.
///
/// ```swift
/// let prover = QuorumOverlap()
/// try prover.check(QuorumSizes(n: 3, w: 2, r: 2))  // .proved(…)
/// try prover.check(QuorumSizes(n: 3, w: 2, r: 1))  // .disjoint(write: [1, 2], read: [3])
/// try prover.checkEveryN(upTo: 32)                   // .proved for N = 1 … 32, every W and R
/// try prover.proveSymbolically()                     // true: for every N
/// ```
public struct QuorumOverlap: Sendable {
    /// When set, every query gives up at this time (Z3's timeout) and throws `SymbolicError.solver`.
    public var deadline: Date?

    public init() {}

    /// The outcome for one system size.
    public enum Verdict: Equatable, Sendable {
        /// No write quorum is disjoint from a read quorum.
        case proved
        /// These two quorums (replica numbers from 1) share no replica.
        case disjoint(write: [Int], read: [Int])
    }

    /// Does every write quorum of `sizes.w` replicas meet every read quorum of `sizes.r` replicas?
    /// Z3 decides; the answer is not computed from W + R > N.
    public func check(_ sizes: QuorumSizes) throws -> Verdict {
        let query = try Query(n: sizes.n, deadline: deadline)
        try query.solver.assert(query.writeSize == sizes.w)
        try query.solver.assert(query.readSize == sizes.r)
        return try query.solve()
    }

    /// For each N in 1…`maxN`, one query with W and R symbolic (1 ≤ W, R ≤ N, W + R > N): `.proved`
    /// when no choice of W and R has disjoint quorums. Returns the verdict per N, in order.
    public func checkEveryN(upTo maxN: Int) throws -> [(n: Int, verdict: Verdict)] {
        try (1...max(maxN, 1)).map { n in
            let query = try Query(n: n, deadline: deadline)
            for size in [query.writeSize, query.readSize] {
                try query.solver.assert(size >= 1)
            }
            try query.solver.assert(query.writeSize + query.readSize > n)
            return (n, try query.solve())
        }
    }

    /// Proves for every N, by linear arithmetic over the sizes: with I = |W ∩ R| and U = |W ∪ R|,
    /// inclusion–exclusion gives U = W + R − I, and U ≤ N because both quorums are sets of replicas;
    /// so W + R > N implies I ≥ W + R − N ≥ 1. Returns true when Z3 refutes the negation.
    public func proveSymbolically() throws -> Bool {
        let context = try Context(timeoutMilliseconds: Query.timeout(until: deadline))
        let solver = try Solver(context: context)
        let n = try context.intConst("N"), w = try context.intConst("W"), r = try context.intConst("R")
        let both = try context.intConst("|W∩R|"), either = try context.intConst("|W∪R|")
        for fact in try [both >= 0, both <= w, both <= r,      // the intersection is part of each quorum
                         either == w + r - both,               // inclusion–exclusion
                         either <= n,                          // the union is a set of replicas
                         w + r > n] {
            try solver.assert(fact)
        }
        try solver.assert(context.and([both >= w + r - n, both >= 1]).not())
        switch try solver.check() {
        case .unsat: return true
        case .sat: return false
        case .unknown(let reason): throw SymbolicError.solver("Z3 gave up on the symbolic quorum proof (\(reason))")
        }
    }
}

/// The sizes of a quorum system: N replicas, write quorums of W, read quorums of R.
///
/// ```swift
/// let sizes = try QuorumSizes(n: 5, w: 3, r: 3).validated()
/// print(sizes.overlapExplanation)   // "… W + R = 6 > N = 5 members, so by pigeonhole …"
/// ```
public struct QuorumSizes: Equatable, Sendable {
    public let n: Int, w: Int, r: Int

    public init(n: Int, w: Int, r: Int) {
        self.n = n
        self.w = w
        self.r = r
    }

    /// Throws unless 1 ≤ N and 1 ≤ W, R ≤ N (a quorum is a non-empty set of replicas).
    public func validated() throws -> QuorumSizes {
        guard n >= 1 else { throw QuorumInputError("N must be at least 1 (got \(n))") }
        for (name, size) in [("W", w), ("R", r)] where !(1...n).contains(size) {
            throw QuorumInputError("\(name) must be between 1 and N = \(n) (got \(size))")
        }
        return self
    }

    /// Why the quorums must overlap, in words (for W + R > N).
    public var overlapExplanation: String {
        "a write quorum and a read quorum together hold W + R = \(w + r) > N = \(n) members, "
            + "so by pigeonhole at least W + R − N = \(w + r - n) \(w + r - n == 1 ? "replica is" : "replicas are") in both"
    }
}

/// Quorum sizes outside 1 ≤ W, R ≤ N.
///
/// ```swift
/// do { _ = try QuorumSizes(n: 3, w: 4, r: 1).validated() }
/// catch let error as QuorumInputError { print(error) }   // "W must be between 1 and N = 3 (got 4)"
/// ```
public struct QuorumInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
