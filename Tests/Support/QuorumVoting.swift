import Kripke

/// Acceptors vote once for value 1 or 2; a learner learns a value once a quorum of acceptors all
/// voted for it, and notes whether every quorum heard of it. Agreement (no two learners learn
/// different values) holds when any two quorums intersect (a majority) and breaks when two
/// disjoint "quorums" can vote differently (size 1 of 3: after 4 steps; 2 of 4: after 6).
///
/// The same spec is written twice: with quorum quantifiers (`.quantified`, which may declare the
/// acceptors symmetric) and with every quorum spelled out by hand from fixed processes
/// (`.unrolled`, which cannot), so the engines' counts can be compared.
///
/// ```swift
/// let buggy = try QuorumVoting.spec(acceptors: 3, size: 1).instantiate()   // violates agreement
/// ```
public enum QuorumVoting {
    public enum Style: Sendable { case quantified, unrolled }

    public static func spec(acceptors count: Int = 3, size: Int? = nil, style: Style = .quantified,
                            symmetric: Bool = true, lemma: Bool = false) -> SpecDefinition {
        SpecDefinition(name: "quorum-voting", summary: "learners learn a value a quorum voted for",
                       parameters: [], expectation: .holds) { s in
            let acceptors = s.processes("acceptor", count: count, symmetric: symmetric && style == .quantified)
            let learners = s.processes("learner", count: 2)
            let vote = s.variable("vote", per: acceptors, in: .range(0...2), initial: 0)
            let learned = s.variable("learned", per: learners, in: .range(0...2), initial: 0)
            let sure = s.variable("sure", per: learners, in: .bool, initial: false)
            let family = size.map { quorums(of: acceptors, size: $0) } ?? majorities(of: acceptors)
            let quorum = QuorumShape(acceptors, family.size, style)
            s.action("vote", for: acceptors, choosing: 1...2) { a, v in
                Require(vote[a] == 0)
                vote[a] <- v
            }
            s.action("learn", for: learners, choosing: 1...2) { l, v in
                Require(learned[l] == 0)
                Require(quorum.some { q in q.all { a in vote[a] == v } })
                learned[l] <- v
                If(quorum.every { q in q.any { a in vote[a] == v } }) {
                    sure[l] <- true
                }
            }
            s.invariant("agreement", ForAll(learners) { l in
                ForAll(learners) { k in learned[l] == 0 || learned[k] == 0 || learned[l] == learned[k] }
            })
            if lemma {
                s.lemma("a quorum voted what was learned", ForAll(learners) { l in
                    learned[l] == 0 || quorum.some { q in q.all { a in vote[a] == learned[l] } }
                })
            }
            s.validEndState(true)
        }
    }
}

/// The quorums of one size, quantified with the DSL's quorum quantifiers or spelled out as
/// `||`/`&&` over fixed processes.
struct QuorumShape {
    let role: Role
    let size: Int
    let style: QuorumVoting.Style

    init(_ role: Role, _ size: Int, _ style: QuorumVoting.Style) {
        self.role = role
        self.size = size
        self.style = style
    }

    func some(_ body: (QuorumMembers) -> Term<Bool>) -> Term<Bool> {
        switch style {
        case .quantified: return Exists(quorums(of: role, size: size)) { q in body(.quorum(q)) }
        case .unrolled: return disjunction(combinations().map { body(.fixed(role, $0)) })
        }
    }

    func every(_ body: (QuorumMembers) -> Term<Bool>) -> Term<Bool> {
        switch style {
        case .quantified: return ForAll(quorums(of: role, size: size)) { q in body(.quorum(q)) }
        case .unrolled: return conjunction(combinations().map { body(.fixed(role, $0)) })
        }
    }

    /// Every `size`-subset of the role's positions, in lexicographic order.
    private func combinations() -> [[Int]] {
        func extend(_ chosen: [Int], from next: Int) -> [[Int]] {
            if chosen.count == size { return [chosen] }
            guard next < role.count else { return [] }
            return extend(chosen + [next], from: next + 1) + extend(chosen, from: next + 1)
        }
        return extend([], from: 0)
    }
}

/// The members of one quorum: a bound ``Quorum`` or a fixed list of positions.
enum QuorumMembers {
    case quorum(Quorum)
    case fixed(Role, [Int])

    func all(_ body: (Term<ProcessID>) -> Term<Bool>) -> Term<Bool> {
        switch self {
        case .quorum(let q): return ForAll(q, body)
        case .fixed(let role, let positions): return conjunction(positions.map { body(role.process($0)) })
        }
    }

    /// Some member satisfies `body` (the quantified form tests membership with `contains`).
    func any(_ body: (Term<ProcessID>) -> Term<Bool>) -> Term<Bool> {
        switch self {
        case .quorum(let q): return Exists(q.role) { a in q.contains(a) && body(a) }
        case .fixed(let role, let positions): return disjunction(positions.map { body(role.process($0)) })
        }
    }
}

private func conjunction(_ terms: [Term<Bool>]) -> Term<Bool> {
    terms.dropFirst().reduce(terms.first ?? true) { $0 && $1 }
}

private func disjunction(_ terms: [Term<Bool>]) -> Term<Bool> {
    terms.dropFirst().reduce(terms.first ?? false) { $0 || $1 }
}
