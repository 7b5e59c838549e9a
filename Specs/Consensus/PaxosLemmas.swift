import Kripke

extension Paxos {
    /// The spec's processes, variables and messages, for the lemmas.
    struct Model {
        let proposers: Role, acceptors: Role
        let ballot: StateArray<Int>, phase: StateArray<Phase>, promised: StateArray<Bool>
        let bestVBal: StateArray<Int>, bestVal: StateArray<Int>
        let maxBal: StateArray<Int>, maxVBal: StateArray<Int>, maxVal: StateArray<Int>, votes: StateArray<Int>
        let prepare: MessageKind, promise: MessageKind, accept: MessageKind
        let bal: Field<Int>, vbal: Field<Int>, val: Field<Int>
    }

    /// Helper lemmas that make agreement and validity inductive (`kripke prove paxos`): Lamport's
    /// inductive invariant for Paxos, in this spec's variables. The network is the set of messages
    /// ever sent, so "a message is in flight" means "it was sent".
    ///
    /// The argument. Call a value v *safe at* ballot b when, for every earlier ballot c < b, some
    /// majority of acceptors each either voted v in c or has promised a ballot above c without
    /// voting in c (so it never will: an acceptor ignores ballots below its promise).
    ///
    /// 1. *One value per ballot.* Ballot b belongs to proposer b mod P alone, which sends its ACCEPTs
    ///    for b in one step, all with one value, and only once (before that step, no ACCEPT of b
    ///    exists). Every vote has its ACCEPT, so all votes in a ballot are for one value.
    /// 2. *Every ACCEPT(b, v) carries a value safe at b.* The proposer holds promises for b from a
    ///    majority Q. A promise from acceptor a reports a's last vote below b (ballot and value) and
    ///    a's promise rules out any vote of a between that ballot and b. Let c* be the highest ballot
    ///    reported in Q's promises. For ballots c with c* < c < b, Q itself is the majority: no member
    ///    voted in c and all promised b > c. If no vote was reported, that is every c < b and the
    ///    proposer's own input is safe. Otherwise the proposer takes the value v* voted in c*: in
    ///    c*, Q's members voted v* or nothing (one value per ballot); below c*, v* is safe because
    ///    an ACCEPT(c*, v*) exists (the reported vote) and was safe at c* when it was sent.
    ///    Safety at b is stable: votes are never withdrawn and promises only rise.
    /// 3. *Agreement.* If v is chosen in c (a majority voted v in c) and w is voted in b > c, then
    ///    ACCEPT(b, w) exists, w is safe at b, and its majority for c meets v's majority in an
    ///    acceptor that voted v in c and voted w or nothing in c: w = v. Equal ballots give equal
    ///    values by 1.
    /// 4. *Validity.* A value in an ACCEPT is a proposer's input, or a value reported in a promise,
    ///    which is a vote, which has its ACCEPT; by induction it is the input of a proposer that
    ///    has started.
    ///
    /// The lemmas below are these facts together with the bookkeeping that makes them inductive:
    /// which ballots a proposer's messages carry; what an acceptor's `maxBal`/`maxVBal`/`maxVal` say
    /// about its votes; what a promise says about its acceptor's votes; and what a preparing
    /// proposer's `promised`/`bestVBal`/`bestVal` say about the acceptors — each counted acceptor
    /// promised the ballot and voted in no ballot between `bestVBal` and it, and some acceptor voted
    /// `bestVal` in `bestVBal`. With them, every invariant and lemma is 0-inductive: each step
    /// from a state satisfying all of them leads to a state satisfying all of them.
    ///
    /// Only the reliable network (`L = 0`) gets the lemmas: they speak of the messages ever sent,
    /// which a lossy network forgets (a lost vote's ACCEPT is gone while the vote stays).
    ///
    /// ```swift
    /// if variant == .correct && !lossy { lemmas(s, model, p: p, ballots: ballots, majority: majority) }
    /// ```
    static func lemmas(_ s: SpecBuilder, _ m: Model, p: Int, ballots: Int, majority: Int) {
        let (proposers, acceptors, votes) = (m.proposers, m.acceptors, m.votes)
        let values = Array(1...p)
        /// Ballot b belongs to proposer b mod P.
        func owns(_ q: Term<ProcessID>, _ b: Term<Int>) -> Term<Bool> { b % .constant(p) == proposers.index(q) }
        func allBallots(_ body: (Term<Int>) -> Term<Bool>) -> Term<Bool> {
            (0..<ballots).reduce(Term<Bool>.constant(true)) { all, c in all && body(.constant(c)) }
        }
        func none(_ kind: MessageKind, _ bad: (Delivery) -> Term<Bool>) -> Term<Bool> { InFlight(kind, where: bad) == 0 }
        func some(_ kind: MessageKind, _ wanted: (Delivery) -> Term<Bool>) -> Term<Bool> { InFlight(kind, where: wanted) >= 1 }

        // Proposers: ballots and phases.
        s.lemma("a proposer is idle exactly until its first ballot", ForAll(proposers) { q in
            (m.phase[q] == .idle) == (m.ballot[q] == -1)
        })
        s.lemma("a proposer's ballot is its own", ForAll(proposers) { q in
            (m.ballot[q] >= 0).implies(owns(q, m.ballot[q]))
        })
        s.lemma("prepares carry a ballot their proposer has started",
                none(m.prepare) { d in !owns(d.sender, d[m.bal]) || d[m.bal] > m.ballot[d.sender] })
        s.lemma("promises answer a ballot their proposer has started",
                none(m.promise) { d in !owns(d.receiver, d[m.bal]) || d[m.bal] > m.ballot[d.receiver] })
        s.lemma("accepts carry a ballot their proposer has started",
                none(m.accept) { d in !owns(d.sender, d[m.bal]) || d[m.bal] > m.ballot[d.sender] })
        s.lemma("a preparing proposer has sent no accept for its ballot", ForAll(proposers) { q in
            (m.phase[q] == .preparing).implies(none(m.accept) { d in d[m.bal] == m.ballot[q] })
        })

        // Proposers: what the promises they counted say about the acceptors.
        s.lemma("a counted acceptor promised the ballot and voted nothing between bestVBal and it", ForAll(proposers) { q in
            ForAll(acceptors) { a in
                let quiet = allBallots { c in (m.bestVBal[q] < c && c < m.ballot[q]).implies(votes[a, c] == 0) }
                return (m.phase[q] == .preparing && m.promised[q, a]).implies(m.maxBal[a] >= m.ballot[q] && quiet)
            }
        })
        s.lemma("bestVal was voted in bestVBal", ForAll(proposers) { q in
            let voted = Exists(acceptors) { a in votes[a, m.bestVBal[q]] == m.bestVal[q] }
            return (m.phase[q] == .preparing && m.bestVBal[q] >= 0).implies(m.bestVBal[q] < m.ballot[q] && m.bestVal[q] >= 1 && voted)
        })

        // Acceptors: maxBal, maxVBal and maxVal summarise the votes.
        s.lemma("an acceptor votes no higher than it promised", ForAll(acceptors) { a in m.maxVBal[a] <= m.maxBal[a] })
        s.lemma("an acceptor has no vote above maxVBal", ForAll(acceptors) { a in
            allBallots { c in (votes[a, c] != 0).implies(c <= m.maxVBal[a]) }
        })
        s.lemma("maxVal is the vote in maxVBal", ForAll(acceptors) { a in
            (m.maxVBal[a] >= 0).implies(votes[a, m.maxVBal[a]] == m.maxVal[a] && m.maxVal[a] >= 1)
        })
        s.lemma("a vote has its accept", ForAll(acceptors) { a in
            allBallots { c in
                (votes[a, c] != 0).implies(some(m.accept) { d in d.receiver == a && d[m.bal] == c && d[m.val] == votes[a, c] })
            }
        })

        // Messages: promises report the past; accepts carry one safe value per ballot.
        s.lemma("a promise reports its acceptor's last vote below the ballot", none(m.promise) { d in
            let a = d.sender
            let reportsVote = (d[m.vbal] >= 0).implies(votes[a, d[m.vbal]] == d[m.val] && d[m.val] >= 1)
            let nothingBetween = allBallots { c in (d[m.vbal] < c && c < d[m.bal]).implies(votes[a, c] == 0) }
            return !(m.maxBal[a] >= d[m.bal] && d[m.vbal] < d[m.bal] && reportsVote && nothingBetween)
        })
        s.lemma("accepts carry a proposer's value", none(m.accept) { d in d[m.val] < 1 })
        // Spelled per ballot and pair of values: a filter cannot compare two messages, since inside a
        // nested InFlight, the outer message's `d[field]` reads the inner message's field.
        var oneValue = Term<Bool>.constant(true)
        for b in 0..<ballots {
            for v in values {
                for w in values where w > v {
                    let sentV = some(m.accept) { d in d[m.bal] == .constant(b) && d[m.val] == .constant(v) }
                    let sentW = some(m.accept) { d in d[m.bal] == .constant(b) && d[m.val] == .constant(w) }
                    oneValue = oneValue && !(sentV && sentW)
                }
            }
        }
        s.lemma("all accepts of a ballot carry one value", oneValue)
        s.lemma("an accepted value is safe at its ballot", none(m.accept) { d in
            !allBallots { c in
                let supporters = Count(acceptors) { a in votes[a, c] == d[m.val] || (m.maxBal[a] > c && votes[a, c] == 0) }
                return (c < d[m.bal]).implies(supporters >= .constant(majority))
            }
        })
        let started = values.reduce(Term<Bool>.constant(true)) { all, v in
            all && some(m.accept) { d in d[m.val] == .constant(v) }.implies(m.ballot[proposers.process(v - 1)] >= 0)
        }
        s.lemma("accepted values are inputs of started proposers", started)
    }
}
