/*
 * paxos — Specs/Consensus/Paxos.swift (single-decree Paxos, all three variants) in SPIN's
 * preferred style for partial-order reduction: process-local variables, one channel per ordered
 * pair of processes (declared xs by its only sender and, by default, xr by its only receiver),
 * each Kripke step one atomic option at the head of a do loop.
 *
 * Kripke                                  SPIN (this file)
 *   proposer[0..P-1], acceptor[0..N-1]      active [P] proctype Proposer (_pid q = 0..P-1),
 *                                             active [N] proctype Acceptor (_pid P + a)
 *   ballot, phase, promised[q,a], bestVBal, locals of Proposer (promised[N] a local array)
 *     bestVal
 *   maxBal, maxVBal, maxVal                 locals of Acceptor
 *   votes[a,b] (ghost, read by agreement)   global votes[a*B + b]; only the accept step writes it
 *   crashed[a]; s.crashes(acceptors,        option `crash` of Acceptor: jumps out of the loop to
 *     upTo: F)                                end_crashed, so crashed[a] is the acceptor's program
 *                                             counter (no local flag: Promela cannot combine a
 *                                             receive with a condition in one guard); `ncrashed`
 *                                             is a global count of crashed acceptors (a function
 *                                             of the program counters, so no extra states)
 *   network: a SET of messages, each        chan p2a[q*N + a] (PREPARE, ACCEPT proposer -> acceptor)
 *     deliverable any number of times,      chan a2p[a*P + q] (PROMISE acceptor -> proposer),
 *     in any order (duplicating,              used through local copies (to0.., from0.., in0..,
 *     unordered)                              out0..) because xr/xs reject array elements.
 *                                           Two encodings, chosen at spin -a time:
 *                                           default (inbox): the receiver moves the channel head
 *                                             into a local inbox array (its own step, xr-safe, no
 *                                             handler runs); handlers read the inbox without
 *                                             clearing it, so a message is delivered any number
 *                                             of times. Kripke state = channel + inbox merged.
 *                                           -DEXACT_NET: no inbox; a handler reads the channel with
 *                                             the non-consuming random poll `ch??<kind, b, ...>`,
 *                                             the ballot a constant per option. SPIN forbids
 *                                             random receives on xr channels ("rand receive on xr
 *                                             channel violates po reduction"), so no xr here.
 *   L=1: any message may be lost            -DL=1: one option per message that drops it (from the
 *                                             inbox, or with -DEXACT_NET a consuming `ch??`),
 *                                             taken by the receiver, also after it crashed
 *   action prepare(b), choosing b           one option per b in 0..B-1, guarded by b % P == q
 *   handlers prepare/accept at acceptors,   one option per ballot b (the sender is b % P: each
 *     promise at proposers                    ballot has one owner) and, for promises, per
 *                                             acceptor; a delivery whose guard (If) fails is a
 *                                             self-loop in both tools
 *   action propose                          one option
 *   agreement (at most one value chosen)    assert in the accept step, the only step that writes
 *                                             votes: when (b, v) reaches a majority, `chosen`
 *                                             (global ghost, 0 = none) must be 0 or v. Kripke
 *                                             checks the invariant in every state; a state that
 *                                             breaks it is reached by an accept step, so both
 *                                             see the same violations. `chosen` is the value
 *                                             chosen, a function of votes while agreement holds:
 *                                             no extra states.
 *   validity                                NOT checked: it reads proposers' ballots from the
 *                                             acceptors' votes (a remote reference would switch
 *                                             SPIN's reduction off). It holds by construction: a
 *                                             vote carries the value of an ACCEPT, sent only by a
 *                                             started proposer.
 *   validEndState(every proposer has used   proposer loop labelled end:, plus `timeout ->
 *     its ballots), deadlock otherwise        assert(ballot + P > B - 1)` in each proposer;
 *                                             acceptor loop labelled end:
 *
 * Where the semantics differ, and what it does to the state counts:
 *
 * - Duplicating network. Promela has no set of messages; here a sent message is never consumed
 *   by a delivery. This is exactly Kripke's set because no message is ever sent twice:
 *   PREPARE(b) and ACCEPT(b, v) go out once per ballot (a proposer's ballots strictly increase,
 *   and propose moves phase to accepting), and an acceptor sends PROMISE(b) only when
 *   b > maxBal and then sets maxBal = b. So Kripke's "sending a message already in flight
 *   changes nothing" never happens (in all three variants). Channel contents are ordered, a set
 *   is not, but each channel's order is fixed by its contents (increasing ballot, PREPARE(b)
 *   before ACCEPT(b)), also after a loss. Kripke's bag (capacity 3*B*N) and the channels (2*B,
 *   B slots) never fill: at most B*N messages of each kind are ever sent.
 * - -DEXACT_NET: one-to-one with Kripke's states: the unreduced count equals
 *   `kripke check paxos --no-por --no-symmetry` (28,224 at the defaults), and SPIN's count of
 *   transitions is Kripke's + 1. SPIN's reduction removes nothing (no receive is xr-safe).
 * - default (inbox): the same behaviours of the processes, but each message in flight is in
 *   one of two places (channel, or inbox once moved), and the move is a step of its own. The
 *   unreduced count is therefore LARGER than Kripke's (715,716 against 28,224 at the defaults):
 *   every Kripke state splits by how far each channel has been drained. SPIN's reduction can
 *   only collapse these moves where a process's loop head has nothing but safe options.
 * - SPIN's reduction is static per control state: a process's moves are explored alone only if
 *   every option at its loop head is safe (locals, xr/xs channels). Each Kripke step must be an
 *   option at the same loop head (same granularity), and the acceptor's accept option writes
 *   the global ghost votes/chosen and asserts, crash writes ncrashed, the proposer has the
 *   timeout option: measured, SPIN's reduction removes NO state in either encoding, at any
 *   parameters tried (N <= 3, P <= 2, B <= 2, F <= 1, L <= 1) (-DNO_AGREEMENT and
 *   -DNO_DEADLOCK_CHECK drop the assertions, to see what SPIN reduces without them).
 *   Kripke's reduction is dynamic (stubborn sets with a BFS proviso): reduced counts are not
 *   expected to agree.
 * - Program counters: every option ends back at its loop head and temporaries (i, cnt, bb, x,
 *   vb, vv, kind) are reset to 0, so they add no states. Deliveries whose handler guard fails
 *   are self-loops in both tools.
 *
 * Parameters (defaults as `kripke list`): spin -DN=3 -DP=2 -DB=2 -DF=1 -DL=0 -a paxos.pml
 *   N in {1,3,5}, P in 1..3, B in 1..4, F in 0..2 (F < N/2 + 1), L in {0,1}.
 * Variants: -DIGNORE_PROMISED_VALUES  = paxos-ignore-promised-values
 *           -DACCEPT_BELOW_PROMISE    = paxos-accept-below-promise
 *   (both: SPIN reports the agreement assertion violated, as Kripke does)
 * Network: add -DEXACT_NET for the encoding with exactly Kripke's states.
 * Run: gcc -O2 -DSAFETY [-DNOREDUCE] -o pan pan.c && ./pan -m100000
 */
#ifndef N
#define N 3
#endif
#ifndef P
#define P 2
#endif
#ifndef B
#define B 2
#endif
#ifndef F
#define F 1
#endif
#ifndef L
#define L 0
#endif
#define MAJ (N / 2 + 1)

#define IDLE      0
#define PREPARING 1
#define ACCEPTING 2

mtype = { prepare, accept };

/* proposer q -> acceptor a: at most one PREPARE and one ACCEPT per ballot of q */
chan p2a[P * N] = [2 * B] of { mtype, byte, byte };      /* kind, bal, val (0 for PREPARE) */
/* acceptor a -> proposer q: at most one PROMISE per ballot of q */
chan a2p[N * P] = [B] of { byte, short, byte };           /* bal, vbal, val */

byte votes[N * B];      /* ghost: votes[a*B + b] = value a accepted in ballot b, 0 = none */
byte chosen;            /* ghost: the value chosen so far, 0 = none */
byte ncrashed;          /* number of crashed acceptors */

/* ---- enumeration helpers (cpp cannot loop; N is odd, so N > 1 means N >= 3) ---- */
#if B > 1
#define B1(M, k) M(k, 1)
#else
#define B1(M, k)
#endif
#if B > 2
#define B2(M, k) M(k, 2)
#else
#define B2(M, k)
#endif
#if B > 3
#define B3(M, k) M(k, 3)
#else
#define B3(M, k)
#endif
/* M(k, b) for every ballot b */
#define FOR_B(M, k) M(k, 0) B1(M, k) B2(M, k) B3(M, k)

/* ======================= proposer ======================= */

/* send to every acceptor over this proposer's channels to0..to4 */
#if N > 1
#define SEND_12(kind, b, v) ; to1!kind, b, v; to2!kind, b, v
#else
#define SEND_12(kind, b, v)
#endif
#if N > 3
#define SEND_34(kind, b, v) ; to3!kind, b, v; to4!kind, b, v
#else
#define SEND_34(kind, b, v)
#endif
#define SEND_ALL(kind, b, v) to0!kind, b, v SEND_12(kind, b, v) SEND_34(kind, b, v)

/* action prepare(b): b % P == q and b > ballot */
#define PREPARE(k, b) \
    :: atomic { (b) % P == _pid && (b) > ballot -> \
           ballot = (b); phase = PREPARING; bestVBal = -1; bestVal = 0; \
           for (i : 0 .. N - 1) { promised[i] = false }; \
           i = 0; \
           SEND_ALL(prepare, b, 0) }

/* Delivery of PROMISE(b) from acceptor a, which stays deliverable (duplicating network); sets
 * vb, vv to its vbal, val. Loss (L=1) removes it. Only ballots b of this proposer arrive. */
#ifdef EXACT_NET
#define GOT_PROMISE(a, b)  from##a??<b, vb, vv>
#define LOST_PROMISE(a, b) from##a??b, vb, vv
#else
#define GOT_PROMISE(a, b)  pgot[(a) * B + (b)] -> vb = pvb[(a) * B + (b)]; vv = pval[(a) * B + (b)]
#define LOST_PROMISE(a, b) pgot[(a) * B + (b)] -> pgot[(a) * B + (b)] = false; \
                           pvb[(a) * B + (b)] = 0; pval[(a) * B + (b)] = 0
#endif

/* handler on PROMISE(b, vbal, val) from acceptor a */
#define ON_PROMISE(a, b) \
    :: atomic { GOT_PROMISE(a, b); \
           if \
           :: phase == PREPARING && (b) == ballot -> \
                  promised[a] = true; \
                  if :: vb > bestVBal -> bestVBal = vb; bestVal = vv :: else -> skip fi \
           :: else -> skip \
           fi; \
           vb = 0; vv = 0 }

#if L
#define LOSE_PROMISE(a, b) :: atomic { LOST_PROMISE(a, b); vb = 0; vv = 0 }
#else
#define LOSE_PROMISE(a, b)
#endif
#define PROMISE_STEPS(a, b) ON_PROMISE(a, b) LOSE_PROMISE(a, b)

/* inbox mode: move the head of the channel from acceptor a into the inbox (no handler runs) */
#ifdef EXACT_NET
#define TRANSFER_PROMISE(a)
#else
#define TRANSFER_PROMISE(a) \
    :: atomic { from##a?bb, vb, vv -> \
           pgot[(a) * B + bb] = true; pvb[(a) * B + bb] = vb; pval[(a) * B + bb] = vv; \
           bb = 0; vb = 0; vv = 0 }
#endif

/* number of acceptors that promised the current ballot */
#define PROMISED (promised[0] + ((N > 1) && promised[1 % N]) + ((N > 2) && promised[2 % N]) \
                + ((N > 3) && promised[3 % N]) + ((N > 4) && promised[4 % N]))

#ifdef IGNORE_PROMISED_VALUES
#define PROPOSAL (_pid + 1)
#else
#define PROPOSAL (bestVBal == -1 -> _pid + 1 : bestVal)
#endif

/* SPIN's reduction: receives are safe only on xr channels, and only non-random ones
 * ("rand receive on xr channel violates po reduction"), so EXACT_NET declares no xr */
#ifdef EXACT_NET
#define XR(c)
#else
#define XR(c) xr c;
#endif

active [P] proctype Proposer() {
    short ballot = -1;
    byte phase = IDLE;
    bool promised[N];
    short bestVBal = -1;
    byte bestVal = 0;
    byte i, bb, vv;         /* temporaries, 0 between steps */
    short vb;
#ifndef EXACT_NET
    bool pgot[N * B];       /* inbox: PROMISE(b) from a has arrived (and is not lost) */
    short pvb[N * B];       /*   its vbal, val (0 when absent) */
    byte pval[N * B];
#endif
    /* SPIN accepts xr/xs only on plain channel variables, not on array elements */
    chan to0 = p2a[_pid * N + 0]; chan from0 = a2p[0 * P + _pid];
    xs to0; XR(from0)
#if N > 1
    chan to1 = p2a[_pid * N + 1]; chan from1 = a2p[1 * P + _pid];
    chan to2 = p2a[_pid * N + 2]; chan from2 = a2p[2 * P + _pid];
    xs to1; XR(from1) xs to2; XR(from2)
#endif
#if N > 3
    chan to3 = p2a[_pid * N + 3]; chan from3 = a2p[3 * P + _pid];
    chan to4 = p2a[_pid * N + 4]; chan from4 = a2p[4 * P + _pid];
    xs to3; XR(from3) xs to4; XR(from4)
#endif

end:
    do
    FOR_B(PREPARE, 0)
    FOR_B(PROMISE_STEPS, 0)
    TRANSFER_PROMISE(0)
#if N > 1
    FOR_B(PROMISE_STEPS, 1)
    FOR_B(PROMISE_STEPS, 2)
    TRANSFER_PROMISE(1)
    TRANSFER_PROMISE(2)
#endif
#if N > 3
    FOR_B(PROMISE_STEPS, 3)
    FOR_B(PROMISE_STEPS, 4)
    TRANSFER_PROMISE(3)
    TRANSFER_PROMISE(4)
#endif
    /* action propose: phase preparing and promises from a majority */
    :: atomic { phase == PREPARING && PROMISED >= MAJ ->
           phase = ACCEPTING;
           vv = PROPOSAL;
           SEND_ALL(accept, ballot, vv);
           vv = 0 }
    /* deadlock check: executable only when no step of any process is; Kripke's valid end
       state is "every proposer has used its ballots" */
#ifndef NO_DEADLOCK_CHECK
    :: atomic { timeout -> assert(ballot + P > B - 1) }
#endif
    od
}

/* ======================= acceptor ======================= */

/* this acceptor's index a = _pid - P, written so that it is never negative (spin -a evaluates
 * the channel initializers below once with _pid = 0 and would warn about a negative index) */
#define ME ((_pid + N - P % N) % N)

#ifdef ACCEPT_BELOW_PROMISE
#define LIMIT maxVBal
#else
#define LIMIT maxBal
#endif

/* reply to the owner of ballot b, proposer b % P */
#if P > 1
#define REPLY_1(b) :: (b) % P == 1 -> out1!b, maxVBal, maxVal
#else
#define REPLY_1(b)
#endif
#if P > 2
#define REPLY_2(b) :: (b) % P == 2 -> out2!b, maxVBal, maxVal
#else
#define REPLY_2(b)
#endif
#define REPLY(b) if :: (b) % P == 0 -> out0!b, maxVBal, maxVal REPLY_1(b) REPLY_2(b) fi

/* Delivery of PREPARE(b) / ACCEPT(b, x) (from proposer b % P, the owner of ballot b), which
 * stays deliverable; loss (L=1) removes it */
#ifdef EXACT_NET
#define GOT_PREPARE(b)  p2a[((b) % P) * N + a]??<prepare, b, x>
#define GOT_ACCEPT(b)   p2a[((b) % P) * N + a]??<accept, b, x>
#define LOST_PREPARE(b) p2a[((b) % P) * N + a]??prepare, b, x
#define LOST_ACCEPT(b)  p2a[((b) % P) * N + a]??accept, b, x
#else
#define GOT_PREPARE(b)  gotPrepare[b]
#define GOT_ACCEPT(b)   gotAccept[b] != 0 -> x = gotAccept[b]
#define LOST_PREPARE(b) gotPrepare[b] -> gotPrepare[b] = false
#define LOST_ACCEPT(b)  gotAccept[b] != 0 -> gotAccept[b] = 0
#endif

/* handler on PREPARE(b) */
#define ON_PREPARE(k, b) \
    :: atomic { GOT_PREPARE(b); \
           if \
           :: (b) > maxBal -> REPLY(b); maxBal = (b) \
           :: else -> skip \
           fi; \
           x = 0 }

/* record the vote and check agreement when (b, x) reaches a majority */
#ifdef NO_AGREEMENT
#define CHECK_AGREEMENT(b) skip
#else
#define CHECK_AGREEMENT(b) \
    votes[a * B + (b)] = x; \
    cnt = 0; \
    for (i : 0 .. N - 1) { if :: votes[i * B + (b)] == x -> cnt++ :: else -> skip fi }; \
    i = 0; \
    if \
    :: cnt >= MAJ -> assert(chosen == 0 || chosen == x); chosen = x \
    :: else -> skip \
    fi; \
    cnt = 0
#endif

/* handler on ACCEPT(b, v); checks agreement when (b, v) reaches a majority */
#define ON_ACCEPT(k, b) \
    :: atomic { GOT_ACCEPT(b); \
           if \
           :: (b) >= LIMIT -> \
                  if :: maxBal < (b) -> maxBal = (b) :: else -> skip fi; \
                  maxVBal = (b); maxVal = x; \
                  CHECK_AGREEMENT(b) \
           :: else -> skip \
           fi; \
           x = 0 }

#if L
#define LOSE_P2A(k, b) \
    :: atomic { LOST_PREPARE(b); x = 0 } \
    :: atomic { LOST_ACCEPT(b); x = 0 }
#else
#define LOSE_P2A(k, b)
#endif
#define ACCEPTOR_STEPS(k, b) ON_PREPARE(k, b) ON_ACCEPT(k, b) LOSE_P2A(k, b)

/* inbox mode: move the head of the channel from proposer q into the inbox */
#ifdef EXACT_NET
#define TRANSFER_P2A(q)
#else
#define TRANSFER_P2A(q) \
    :: atomic { in##q?kind, bb, x -> \
           if :: kind == prepare -> gotPrepare[bb] = true :: else -> gotAccept[bb] = x fi; \
           kind = 0; bb = 0; x = 0 }
#endif
#if P > 1
#define TRANSFER_P2A_1 TRANSFER_P2A(1)
#else
#define TRANSFER_P2A_1
#endif
#if P > 2
#define TRANSFER_P2A_2 TRANSFER_P2A(2)
#else
#define TRANSFER_P2A_2
#endif
#define TRANSFER_ALL TRANSFER_P2A(0) TRANSFER_P2A_1 TRANSFER_P2A_2

active [N] proctype Acceptor() {
    byte a = ME;
    short maxBal = -1;
    short maxVBal = -1;
    byte maxVal = 0;
    byte i, cnt, bb, x;     /* temporaries, 0 between steps */
    mtype kind;
#ifndef EXACT_NET
    bool gotPrepare[B];     /* inbox: PREPARE(b) has arrived (and is not lost) */
    byte gotAccept[B];      /* inbox: value of ACCEPT(b), 0 = none */
#endif
    chan in0 = p2a[0 * N + ME]; chan out0 = a2p[ME * P + 0];
    XR(in0) xs out0;
#if P > 1
    chan in1 = p2a[1 * N + ME]; chan out1 = a2p[ME * P + 1];
    XR(in1) xs out1;
#endif
#if P > 2
    chan in2 = p2a[2 * N + ME]; chan out2 = a2p[ME * P + 2];
    XR(in2) xs out2;
#endif

end:
    do
    FOR_B(ACCEPTOR_STEPS, 0)
    TRANSFER_ALL
    /* action crash (fail-stop), at most F acceptors: leaves the loop for good */
    :: atomic { ncrashed < F -> ncrashed++; goto end_crashed }
    od;
end_crashed:
    /* Kripke's crashed[a] is this program counter: a crashed acceptor takes no step; with L=1
       the network may still lose the messages sent to it */
    do
#if L
    FOR_B(LOSE_P2A, 0)
    TRANSFER_ALL
#endif
    :: false
    od
}
