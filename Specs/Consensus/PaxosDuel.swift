import Kripke

/// # Paxos with duelling proposers: why Paxos needs a distinguished proposer
///
/// Paxos is safe with any number of proposers, but it is not live with two: each can preempt
/// the other for ever. Proposer A completes phase 1 at a majority with ballot 1; B then
/// completes phase 1 with ballot 2, so A's ACCEPTs are refused; A starts ballot 3, which
/// refuses B's ACCEPTs; and so on, with no value ever chosen ("Paxos Made Simple", §2.4: "it's
/// easy to construct a scenario in which two proposers each keep issuing a sequence of
/// proposals with increasing numbers, none of which are ever chosen"). Hence the distinguished
/// proposer; `paxos` checks the protocol itself, with bounded ballots.
///
/// **How an unbounded duel fits a finite model.** Ballots only ever get compared, so the state
/// keeps each ballot as its *rank* among the ballots in the state (−1 for none): after every
/// step the ballots are renumbered 0, 1, 2, … in order, closing the gaps left by ballots no
/// variable holds any more. A model state is the real state with every ballot replaced by its
/// rank, every step of the model is a step of Paxos with unbounded ballots (a renumbering step
/// is a stutter: the real state does not change), and a cycle of the model unrolls into an
/// infinite run whose ballots keep growing. Two coarsenings keep the model
/// small: each message exchange between a proposer and an acceptor is one atomic step (the
/// request delivered and its answer received at once; a refused request is a step not taken),
/// and a new ballot is above every ballot in the state. Both only leave behaviours out, so a
/// run the checker finds is a run of real Paxos.
///
/// **Steps** (proposer `q`, acceptor `a`; an acceptor's step chooses the proposer it answers):
/// - `start` (choosing the new ballot's rank) — `q` starts a ballot above every ballot in the
///   state, when idle or when its ballot is *defeated*: too few acceptors are left that have
///   answered it or still can (a proposer that could still win does not give up, so a proposer
///   alone never preempts itself).
/// - `promise` (choosing `q`) — PREPARE and PROMISE: `a` has promised nothing at or above `q`'s
///   ballot, promises it, and reports its last accepted ballot and value.
/// - `propose` — with promises from a majority, `q` proposes the value of the highest ballot
///   reported, or its own input (proposer k's input is k+1) if none was.
/// - `accept` (choosing `q`) — ACCEPT and ACCEPTED: `a` has promised nothing above `q`'s ballot
///   and accepts `q`'s proposal. A value is *chosen* when a majority accept it in one ballot,
///   recorded in the ghost `chosen` (indexed by the proposer whose input it is).
/// - `renumber` (choosing the gap) — the model's bookkeeping, no step of Paxos: after a step
///   that leaves no ballot at some rank, ballots above the lowest such gap move down one
///   (the ghost `renumbering` holds every other step back until the ranks are closed up).
///
/// **Parameters**: `N` acceptors (default 3, odd), `P` proposers (default 2).
///
/// **Properties**: *agreement* — at most one value is chosen; *validity* — a chosen value is
/// the input of a proposer that has started; no deadlock (a run ends only when every proposer's
/// ballot was accepted by a majority); and *a value is chosen* (liveness) when every step of
/// every proposer and acceptor, and the renumbering, is weakly fair. With `P = 1` all of them hold. With two proposers the liveness property
/// is violated: the lasso is the duel above, a cycle in which both proposers start new ballots
/// for ever and each preempts the other. Weak fairness is satisfied — every step that stays
/// enabled is taken — so fairness alone cannot save Paxos; a single distinguished proposer
/// (or randomised back-off, as in Raft) can.
///
/// **Variant**: `paxos-duelling-proposers` — violated (liveness). Its golden lasso is in
/// `Counterexamples/`.
///
/// **Pinned counts** (SpecsTests): N=3 P=2: 17,621 states with the acceptors symmetric (98,623
/// and 234,528 transitions without), depth 42; the lasso is 4 steps, then a cycle of 10. One
/// proposer: 5, 15 and 35 states for N = 1, 3, 5, and a value is always chosen. One acceptor:
/// 3 steps, then a cycle of 8, for two or three proposers — and bounded liveness with Z3 finds
/// a lasso of the same length.
public enum PaxosDuel {
    enum Phase: Enumeration { case idle, preparing, accepting }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 1...5, summary: "number of acceptors (odd)"),
        ParameterDecl(name: "P", defaultValue: 2, range: 1...3, summary: "number of proposers"),
    ]

    public static let duelling = SpecDefinition(
        name: "paxos-duelling-proposers",
        summary: "Paxos with two proposers and unbounded ballots: they can preempt each other for ever",
        parameters: parameters, expectation: .violated) { build($0) }

    static func build(_ s: SpecBuilder) {
        let n = s.parameter("N")
        let p = s.parameter("P")
        let majority = n / 2 + 1
        s.assume(n % 2 == 1, "the number of acceptors N=\(n) must be odd (N = 2m+1)")
        let proposers = s.processes("proposer", count: p)
        let acceptors = s.processes("acceptor", count: n, symmetric: true)
        // Ranks of the ballots in the state: at most one per ballot variable, and a new ballot
        // one above the highest before the ranks are closed up again.
        let topRank = 2 * p + 2 * n

        let bal = s.variable("ballot", per: proposers, in: .range(-1...topRank), initial: -1)
        let phase = s.variable("phase", per: proposers, in: .cases(Phase.self), initial: .idle)
        let promised = s.variable("promised", per: proposers, acceptors, in: .bool, initial: false)
        let accepted = s.variable("accepted", per: proposers, acceptors, in: .bool, initial: false)
        let bestBal = s.variable("bestVBal", per: proposers, in: .range(-1...topRank), initial: -1)
        let bestVal = s.variable("bestVal", per: proposers, in: .range(0...p), initial: 0)
        let proposal = s.variable("proposal", per: proposers, in: .range(0...p), initial: 0)
        let maxBal = s.variable("maxBal", per: acceptors, in: .range(-1...topRank), initial: -1)
        let maxVBal = s.variable("maxVBal", per: acceptors, in: .range(-1...topRank), initial: -1)
        let maxVal = s.variable("maxVal", per: acceptors, in: .range(0...p), initial: 0)
        let chosen = s.variable("chosen", per: proposers, in: .bool, initial: false, ghost: true)
        // Set by a step that leaves a gap in the ranks: then only `renumber` may run. It always
        // equals "the ballots are not ranked", so it adds no states; it saves every guard from
        // checking the ranks.
        let renumbering = s.global("renumbering", in: .bool, initial: false, ghost: true)

        /// Whether some ballot variable holds `rank`.
        func holds(rank: Term<Int>) -> Term<Bool> {
            Exists(proposers) { q in bal[q] == rank || bestBal[q] == rank }
                || Exists(acceptors) { a in maxBal[a] == rank || maxVBal[a] == rank }
        }
        /// The ballots are ranks 0, 1, 2, … with no gap.
        let ranked = (1...topRank).reduce(Term<Bool>.constant(true)) { all, rank in
            all && holds(rank: .constant(rank)).implies(holds(rank: .constant(rank - 1)))
        }
        /// `b` is one above the highest ballot (acceptors' ballots are at most their promises).
        func nextBallot(_ b: Term<Int>) -> Term<Bool> {
            ForAll(proposers) { k in bal[k] < b } && ForAll(acceptors) { a in maxBal[a] < b }
                && (b == 0 || Exists(proposers) { k in bal[k] == b - 1 } || Exists(acceptors) { a in maxBal[a] == b - 1 })
        }

        /// Whether a majority of acceptors have answered `q`'s current phase or still can (none
        /// has promised a higher ballot); if not, `q`'s ballot is defeated.
        func stillWinnable(_ q: Term<ProcessID>) -> Term<Bool> {
            let preparing = Count(acceptors) { a in promised[q, a] || maxBal[a] < bal[q] } >= .constant(majority)
            let accepting = Count(acceptors) { a in accepted[q, a] || maxBal[a] <= bal[q] } >= .constant(majority)
            return Ite(phase[q] == .preparing, preparing, accepting)
        }

        s.action("start", for: proposers, choosing: 0...topRank) { q, b in
            Require(!renumbering)
            Require(phase[q] == .idle || !stillWinnable(q))
            Require(nextBallot(b))
            bal[q] <- b
            phase[q] <- .preparing
            bestBal[q] <- -1
            bestVal[q] <- 0
            proposal[q] <- 0
            ForEach(acceptors) { a in
                promised[q, a] <- false
                accepted[q, a] <- false
            }
            renumbering <- !ranked
        }

        s.action("promise", for: acceptors, choosing: 0...(p - 1)) { a, index in
            let q = proposers.process(at: index)
            Require(!renumbering)
            Require(phase[q] == .preparing && !promised[q, a])
            Require(maxBal[a] < bal[q])
            maxBal[a] <- bal[q]
            promised[q, a] <- true
            If(maxVBal[a] > bestBal[q]) {
                bestBal[q] <- maxVBal[a]
                bestVal[q] <- maxVal[a]
            }
            renumbering <- !ranked
        }

        s.action("propose", for: proposers) { q in
            Require(!renumbering)
            Require(phase[q] == .preparing)
            Require(Count(acceptors) { a in promised[q, a] } >= .constant(majority))
            phase[q] <- .accepting
            proposal[q] <- Ite(bestBal[q] == -1, proposers.index(q) + 1, bestVal[q])
        }

        s.action("accept", for: acceptors, choosing: 0...(p - 1)) { a, index in
            let q = proposers.process(at: index)
            Require(!renumbering)
            Require(phase[q] == .accepting && !accepted[q, a])
            Require(maxBal[a] <= bal[q])
            maxBal[a] <- bal[q]
            maxVBal[a] <- bal[q]
            maxVal[a] <- proposal[q]
            accepted[q, a] <- true
            If(Count(acceptors) { b in accepted[q, b] } >= .constant(majority)) {
                chosen[proposers.process(at: proposal[q] - 1)] <- true
            }
            renumbering <- !ranked
        }

        /// `ballot` once the gap at rank `gap` is closed.
        func closed(_ ballot: Term<Int>, _ gap: Term<Int>) -> Term<Int> { Ite(ballot > gap, ballot - 1, ballot) }
        // The model's bookkeeping, not a step of Paxos: a step that leaves no variable holding
        // some rank opens a gap, and every ballot above the lowest gap moves down one (one gap
        // per step; the others wait until the ballots are ranked again).
        s.action("renumber", choosing: 0...(topRank - 1)) { gap in
            Require(renumbering)
            Require(!holds(rank: gap) && (0...topRank).reduce(Term<Bool>.constant(true)) { below, rank in
                below && (Term<Int>.constant(rank) < gap).implies(holds(rank: .constant(rank)))
            })
            ForEach(proposers) { q in
                bal[q] <- closed(bal[q], gap)
                bestBal[q] <- closed(bestBal[q], gap)
            }
            ForEach(acceptors) { a in
                maxBal[a] <- closed(maxBal[a], gap)
                maxVBal[a] <- closed(maxVBal[a], gap)
            }
            renumbering <- !ranked
        }

        let someChosen = Exists(proposers) { k in chosen[k] }
        s.check(Property("agreement", Count(proposers) { k in chosen[k] } <= 1))
        s.check(Property("validity", ForAll(proposers) { k in chosen[k].implies(bal[k] != -1) }))
        s.fair(.weak, everyActionOf: proposers)
        s.fair(.weak, everyActionOf: acceptors)
        s.fair(.weak, action: "renumber")
        s.check(Eventually("a value is chosen", someChosen))
        s.validEndState(ForAll(proposers) { q in
            phase[q] == .accepting && Count(acceptors) { a in accepted[q, a] } >= .constant(majority)
        })
    }
}
