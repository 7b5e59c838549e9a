import Kripke

/// # Single-decree Paxos (Lamport, "Paxos Made Simple", 2001)
///
/// Proposers try to get one value chosen by `N = 2m+1` acceptors. Ballots are numbered; ballot
/// b belongs to proposer b mod P, so proposal numbers are unique. Phase 1: a proposer sends
/// PREPARE(b) to the acceptors; an acceptor that has promised nothing higher promises b and
/// answers PROMISE(b, vbal, vval) with the last ballot and value it accepted. Phase 2: with
/// promises from a majority, the proposer sends ACCEPT(b, v), where v is the value of the
/// highest-ballot acceptance reported in those promises — or its own input if none was
/// reported. An acceptor accepts ACCEPT(b, v) unless it has promised a ballot above b; its
/// acceptance (the "accepted" vote) is recorded as `maxVBal`/`maxVal`, and in the ghost
/// history `votes[a, b]`. A value is *chosen* when a majority of acceptors accepted it in the
/// same ballot.
///
/// The network is the TLA+ Paxos network: the set of messages ever sent, each deliverable any
/// number of times and in any order; with `L = 1` any message may also be lost. On such a
/// network a lost message is indistinguishable from one never delivered, so loss adds states but
/// no behaviour of the processes (B=1, F=0: 20,457 states with loss against 84 without); the
/// default leaves it out. Up to `F` acceptors may crash; a crash only stops an acceptor, so each
/// crash choice multiplies the states (4 × 7,056 for F=1, N=3).
///
/// **Parameters**: `N` acceptors (default 3, odd, up to 9 — seven or nine acceptors are too many
/// states to enumerate, but `kripke simulate paxos --param N=7` takes random runs), `P` proposers (default 2; proposer k's input
/// value is k+1), `B` ballots 0..<B (default 2), `F` acceptor crashes (default 1, `F ≤ m`),
/// `L` lossy network (default 0).
///
/// **Properties**: *agreement* — at most one value is chosen; *validity* — a chosen value is
/// the input of a proposer that has started; no deadlock (a run ends only when every proposer
/// has used its ballots); *a value is chosen* (liveness) when every action of every proposer
/// and acceptor is weakly fair — crashes are not, and up to F acceptors may still crash. It
/// holds with any number of proposers here: ballots are bounded, and nothing preempts the
/// highest one, so duelling proposers stop duelling. With unbounded ballots they need not:
/// `paxos-duelling-proposers` (PaxosDuel.swift) keeps ballots as ranks and shows the duel.
///
/// **Proof**: the correct variant on the reliable network (`L = 0`) carries helper lemmas
/// (`Paxos.lemmas`, PaxosLemmas.swift: Lamport's inductive invariant — one value per ballot, every
/// ACCEPT carries a value safe at its ballot, and the bookkeeping behind them), with which
/// `kripke prove paxos` proves agreement and validity 0-inductive: by induction over steps,
/// without enumerating states. The buggy variants and the lossy network carry none.
///
/// **Variants**:
/// - `paxos` — correct; holds.
/// - `paxos-ignore-promised-values` — a proposer always proposes its own input, ignoring the
///   values reported in promises: a later ballot overrides a chosen value.
/// - `paxos-accept-below-promise` — an acceptor checks ACCEPT against the highest ballot it
///   *accepted* instead of the highest it *promised*: a promise for a later ballot no longer
///   protects that ballot, whose proposer then picks a different value.
///
/// **Pinned counts** (SpecsTests): correct, N=3 P=2 B=2 F=1: 28,224 states, 369,768
/// transitions, depth 23; F=0: 7,056 states; B=1 L=1 F=0: 20,457 states; N=5 B=1 F=1:
/// 11,256 states. Both bugs violate agreement after 16 steps. (Five acceptors with two ballots
/// are a benchmark, not a test: the ignore-promised-values bug needs 22 steps and 1,195,461
/// states, 102 s in a debug build.)
public enum Paxos {
    enum Variant { case correct, ignorePromisedValues, acceptBelowPromise }
    enum Phase: Enumeration { case idle, preparing, accepting }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 1...9, summary: "number of acceptors (odd)"),
        ParameterDecl(name: "P", defaultValue: 2, range: 1...3, summary: "number of proposers"),
        ParameterDecl(name: "B", defaultValue: 2, range: 1...4, summary: "number of ballots, 0..<B"),
        ParameterDecl(name: "F", defaultValue: 1, range: 0...2, summary: "acceptors that may crash"),
        ParameterDecl(name: "L", defaultValue: 0, range: 0...1, summary: "1: the network may also lose messages"),
    ]

    public static let correct = SpecDefinition(
        name: "paxos", summary: "Single-decree Paxos over a duplicating, reordering (with L=1 lossy) network",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let ignorePromisedValues = SpecDefinition(
        name: "paxos-ignore-promised-values", summary: "Paxos whose proposers ignore the values reported in promises",
        parameters: parameters, expectation: .violated) { build($0, .ignorePromisedValues) }

    public static let acceptBelowPromise = SpecDefinition(
        name: "paxos-accept-below-promise", summary: "Paxos whose acceptors accept ballots below their promise",
        parameters: parameters, expectation: .violated) { build($0, .acceptBelowPromise) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let p = s.parameter("P")
        let ballots = s.parameter("B")
        let f = s.parameter("F")
        let lossy = s.parameter("L") == 1
        let majority = n / 2 + 1
        s.assume(n % 2 == 1, "the number of acceptors N=\(n) must be odd (N = 2m+1)")
        s.assume(f < majority, "at most a minority of acceptors may crash (F=\(f), N=\(n))")
        let proposers = s.processes("proposer", count: p)
        let acceptors = s.processes("acceptor", count: n)
        let lastBallot = ballots - 1

        let bal = s.variable("ballot", per: proposers, in: .range(-1...lastBallot), initial: -1)
        let phase = s.variable("phase", per: proposers, in: .cases(Phase.self), initial: .idle)
        let promised = s.variable("promised", per: proposers, acceptors, in: .bool, initial: false)
        let bestBal = s.variable("bestVBal", per: proposers, in: .range(-1...lastBallot), initial: -1)
        let bestVal = s.variable("bestVal", per: proposers, in: .range(0...p), initial: 0)
        let maxBal = s.variable("maxBal", per: acceptors, in: .range(-1...lastBallot), initial: -1)
        let maxVBal = s.variable("maxVBal", per: acceptors, in: .range(-1...lastBallot), initial: -1)
        let maxVal = s.variable("maxVal", per: acceptors, in: .range(0...p), initial: 0)
        let votes = s.variable("votes", per: acceptors, 0...lastBallot, in: .range(0...p), initial: 0, ghost: true)
        if f > 0 { _ = s.crashes(acceptors, upTo: f) }

        let bField = Field("bal", .range(0...lastBallot))
        let vbField = Field("vbal", .range(-1...lastBallot))
        let vField = Field("val", .range(0...p))
        let prepare = s.message("prepare", bField)
        let promise = s.message("promise", bField, vbField, vField)
        let accept = s.message("accept", bField, vField)
        s.network(.unordered(capacity: 3 * ballots * n, lossy: lossy, duplicating: true))

        func input(_ q: Term<ProcessID>) -> Term<Int> { proposers.index(q) + 1 }

        s.action("prepare", for: proposers, choosing: 0...lastBallot) { q, b in
            Require(b % .constant(p) == proposers.index(q))
            Require(b > bal[q])
            bal[q] <- b
            phase[q] <- .preparing
            bestBal[q] <- -1
            bestVal[q] <- 0
            ForEach(acceptors) { a in
                promised[q, a] <- false
                Send(prepare.with(bField, b), from: q, to: a)
            }
        }

        s.on(prepare, at: acceptors) { m in
            let a = m.receiver
            If(m[bField] > maxBal[a]) {
                Send(promise.with(bField, m[bField]).with(vbField, maxVBal[a]).with(vField, maxVal[a]), from: a, to: m.sender)
                maxBal[a] <- m[bField]
            }
        }

        s.on(promise, at: proposers) { m in
            let q = m.receiver
            let current = phase[q] == .preparing && m[bField] == bal[q]
            If(current) {
                promised[q, m.sender] <- true
                If(m[vbField] > bestBal[q]) {
                    bestBal[q] <- m[vbField]
                    bestVal[q] <- m[vField]
                }
            }
        }

        s.action("propose", for: proposers) { q in
            Require(phase[q] == .preparing)
            Require(Count(acceptors) { a in promised[q, a] } >= .constant(majority))
            let safe = Ite(bestBal[q] == -1, input(q), bestVal[q])
            let value = variant == .ignorePromisedValues ? input(q) : safe
            phase[q] <- .accepting
            ForEach(acceptors) { a in
                Send(accept.with(bField, bal[q]).with(vField, value), from: q, to: a)
            }
        }

        s.on(accept, at: acceptors) { m in
            let a = m.receiver
            let limit = variant == .acceptBelowPromise ? maxVBal[a] : maxBal[a]
            If(m[bField] >= limit) {
                maxBal[a] <- Max(maxBal[a], m[bField])
                maxVBal[a] <- m[bField]
                maxVal[a] <- m[vField]
                votes[a, m[bField]] <- m[vField]
            }
        }

        /// `v` was accepted by a majority in some ballot.
        func chosen(_ v: Int) -> Term<Bool> {
            (0...lastBallot).reduce(Term<Bool>.constant(false)) { found, b in
                let voters = Count(acceptors) { a in votes[a, .constant(b)] == .constant(v) }
                return found || voters >= .constant(majority)
            }
        }
        let values = Array(1...p)
        let agreement = values.reduce(Term<Bool>.constant(true)) { holds, v in
            values.filter { $0 > v }.reduce(holds) { inner, w in inner && !(chosen(v) && chosen(w)) }
        }
        let validity = values.reduce(Term<Bool>.constant(true)) { holds, v in
            holds && chosen(v).implies(bal[proposers.process(v - 1)] != -1)
        }
        s.check(Property("agreement", agreement))
        s.check(Property("validity", validity))
        s.fair(.weak, everyActionOf: proposers)
        s.fair(.weak, everyActionOf: acceptors)
        s.check(Eventually("a value is chosen", values.reduce(Term<Bool>.constant(false)) { found, v in found || chosen(v) }))
        s.validEndState(ForAll(proposers) { q in bal[q] + .constant(p) > .constant(lastBallot) })
        if variant == .correct && !lossy {
            let model = Model(proposers: proposers, acceptors: acceptors, ballot: bal, phase: phase, promised: promised,
                              bestVBal: bestBal, bestVal: bestVal, maxBal: maxBal, maxVBal: maxVBal, maxVal: maxVal,
                              votes: votes, prepare: prepare, promise: promise, accept: accept,
                              bal: bField, vbal: vbField, val: vField)
            lemmas(s, model, p: p, ballots: ballots, majority: majority)
        }
    }
}
