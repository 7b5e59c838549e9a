/*
 * ricart-agrawala — mirror of Specs/MutualExclusion/RicartAgrawala.swift (variant `correct`).
 *
 * Each of N processes that wants the critical section broadcasts REQUEST(seq) with
 * seq = highestSeq + 1, then waits for a REPLY from every other process. A process receiving
 * REQUEST(k) from j records k in highestSeq and replies at once unless it is in the critical
 * section, or it is waiting with an earlier request ((ourSeq, i) < (k, j)), in which case it
 * defers the reply until it leaves. Each process enters R times.
 *
 * Kripke                                  SPIN (this file)
 *   processes p[0..N-1], not symmetric      active [N] proctype P, _pid = Kripke process id
 *   phase, ourSeq, highestSeq, replies,     global arrays of the same names and domains
 *   deferred[i,j], done
 *   unordered network (a multiset of        message counters: reqc[(j,i,s)] = how many
 *   (sender, receiver, kind, fields))         REQUEST(seq=s) from j to i are in flight,
 *                                             repc[(j,i)] = how many REPLY from j to i; a
 *                                             multiset is exactly a vector of counts, so the
 *                                             encoding is one-to-one
 *   action request / enter / exit           one d_step option each
 *   handler on request, one step per        one d_step option per (sender j, seq s): the
 *     deliverable message                     delivery of one message of that kind
 *   handler on reply                        one d_step option per sender j
 *   MutualExclusion invariant               assert(MUTEX) at the end of every d_step (SPIN
 *                                             checks it on every transition; Kripke on every
 *                                             new state, so SPIN does slightly more work)
 *   validEndState(all done == R), and       the loop is labelled end:, plus one option
 *     deadlock = no step and not valid end    `timeout -> assert(VALID_END)` (process 0 only):
 *                                             SPIN's timeout is executable exactly when no
 *                                             other step is, i.e. in Kripke's terminal states
 *
 * State count: after every d_step each process is back at the head of its do loop, so program
 * counters are constant and the reachable states are exactly Kripke's: 3,300 for N=3 R=1 and
 * 2,196,650 for N=4 R=1. Transitions: SPIN prints stored+matched, which is Kripke's count + 1
 * (the initial state) + one timeout self-loop per terminal state.
 *
 * Kripke's network capacity 2N(N-1) is never reached (the spec says so), so the counters need
 * no bound. The loop index k is reset to 0 after each use, so it adds no states.
 *
 * Parameters: spin -DN=3 -DR=1 -a ricart_agrawala.pml   (N in 2..5, R in 1..3);
 * add -DTIE_BUG for the buggy variant (SPIN then reports the assertion violation).
 */
#ifndef N
#define N 3
#endif
#ifndef R
#define R 1
#endif
#define MAXSEQ (N * R)

#define IDLE     0
#define WAITING  1
#define CRITICAL 2

byte phase[N];                      /* IDLE, WAITING, CRITICAL */
byte ourSeq[N];                     /* 0..MAXSEQ */
byte highestSeq[N];                 /* 0..MAXSEQ */
byte replies[N];                    /* 0..N-1 */
bool deferred[N * N];               /* deferred[i*N + j]: i owes j a reply */
byte done[N];                       /* 0..R */

/* The network: counts of messages in flight, indexed by (sender, receiver[, seq]). */
byte reqc[N * N * (MAXSEQ + 1)];
byte repc[N * N];
#define REQ(from, to, s) (((from) * N + (to)) * (MAXSEQ + 1) + (s))
#define REP(from, to)    ((from) * N + (to))

byte k;                             /* loop index inside d_steps; reset to 0 at the end of each, so
                                       it is 0 in every stored state and adds no states (not
                                       `hidden`: SPIN's -DBFS refuses hidden variables) */

#define MUTEX ((phase[0] == CRITICAL) + (phase[1] == CRITICAL) + ((N > 2) && phase[2 % N] == CRITICAL) \
             + ((N > 3) && phase[3 % N] == CRITICAL) + ((N > 4) && phase[4 % N] == CRITICAL) <= 1)
#define VALID_END ((done[0] == R) && (done[1] == R) && ((N <= 2) || done[2 % N] == R) \
             && ((N <= 3) || done[3 % N] == R) && ((N <= 4) || done[4 % N] == R))

/* (ourSeq[i], i) < (s, j): Precedes(ourSeq[i], i, m[seq], j). With -DTIE_BUG, the buggy variant
 * `ricart-agrawala-tie-bug`: ties on equal sequence numbers ignore process ids. */
#ifdef TIE_BUG
#define EARLIER(j, s) (ourSeq[_pid] < (s))
#else
#define EARLIER(j, s) (ourSeq[_pid] < (s) || (ourSeq[_pid] == (s) && _pid < (j)))
#endif

/* Handler: REQUEST(seq = s) from j is delivered to this process (i = _pid). */
#define ON_REQUEST(j, s) \
    :: d_step { reqc[REQ(j, _pid, s)] > 0 -> \
           reqc[REQ(j, _pid, s)]--; \
           if :: highestSeq[_pid] < s -> highestSeq[_pid] = s :: else -> skip fi; \
           if \
           :: phase[_pid] == CRITICAL \
              || (phase[_pid] == WAITING && EARLIER(j, s)) -> \
                  deferred[_pid * N + j] = true \
           :: else -> repc[REP(_pid, j)]++ \
           fi; \
           assert(MUTEX) }

/* Handler: REPLY from j is delivered to this process. */
#define ON_REPLY(j) \
    :: d_step { repc[REP(j, _pid)] > 0 -> \
           repc[REP(j, _pid)]--; \
           replies[_pid]++; \
           assert(MUTEX) }

/* One ON_REQUEST option per possible seq 1..MAXSEQ (seq 0 is never sent). */
#define REQ_SEQ(j, s) ON_REQUEST(j, s)
#if MAXSEQ >= 2
#define REQ_S2(j) REQ_SEQ(j, 2)
#else
#define REQ_S2(j)
#endif
#if MAXSEQ >= 3
#define REQ_S3(j) REQ_SEQ(j, 3)
#else
#define REQ_S3(j)
#endif
#if MAXSEQ >= 4
#define REQ_S4(j) REQ_SEQ(j, 4)
#else
#define REQ_S4(j)
#endif
#if MAXSEQ >= 5
#define REQ_S5(j) REQ_SEQ(j, 5)
#else
#define REQ_S5(j)
#endif
#if MAXSEQ >= 6
#define REQ_S6_9(j) REQ_SEQ(j, 6) REQ_SEQ(j, 7) REQ_SEQ(j, 8) REQ_SEQ(j, 9)
#else
#define REQ_S6_9(j)
#endif
#if MAXSEQ >= 10
#define REQ_S10_15(j) REQ_SEQ(j, 10) REQ_SEQ(j, 11) REQ_SEQ(j, 12) REQ_SEQ(j, 13) REQ_SEQ(j, 14) REQ_SEQ(j, 15)
#else
#define REQ_S10_15(j)
#endif
#if MAXSEQ != 1 && MAXSEQ != 2 && MAXSEQ != 3 && MAXSEQ != 4 && MAXSEQ != 5 && MAXSEQ != 6 \
    && MAXSEQ != 8 && MAXSEQ != 9 && MAXSEQ != 10 && MAXSEQ != 12 && MAXSEQ != 15
#error "MAXSEQ = N*R must be one of the products of N in 2..5 and R in 1..3"
#endif
/* (MAXSEQ 6..9 and 10..15 are only reachable with N*R of exactly those values; the options for
 * unused seqs above MAXSEQ would index past reqc, so they must not be generated.) */
#if (MAXSEQ >= 6 && MAXSEQ < 9) || (MAXSEQ >= 10 && MAXSEQ < 15)
#undef REQ_S6_9
#undef REQ_S10_15
#if MAXSEQ == 6
#define REQ_S6_9(j) REQ_SEQ(j, 6)
#define REQ_S10_15(j)
#elif MAXSEQ == 8
#define REQ_S6_9(j) REQ_SEQ(j, 6) REQ_SEQ(j, 7) REQ_SEQ(j, 8)
#define REQ_S10_15(j)
#elif MAXSEQ == 10
#define REQ_S6_9(j) REQ_SEQ(j, 6) REQ_SEQ(j, 7) REQ_SEQ(j, 8) REQ_SEQ(j, 9)
#define REQ_S10_15(j) REQ_SEQ(j, 10)
#elif MAXSEQ == 12
#define REQ_S6_9(j) REQ_SEQ(j, 6) REQ_SEQ(j, 7) REQ_SEQ(j, 8) REQ_SEQ(j, 9)
#define REQ_S10_15(j) REQ_SEQ(j, 10) REQ_SEQ(j, 11) REQ_SEQ(j, 12)
#endif
#endif
#define FROM(j) REQ_SEQ(j, 1) REQ_S2(j) REQ_S3(j) REQ_S4(j) REQ_S5(j) REQ_S6_9(j) REQ_S10_15(j) ON_REPLY(j)

active [N] proctype P() {
end:
    do
    /* action request */
    :: d_step { phase[_pid] == IDLE && done[_pid] < R ->
           phase[_pid] = WAITING;
           ourSeq[_pid] = highestSeq[_pid] + 1;
           replies[_pid] = 0;
           for (k : 0 .. N - 1) {
               if :: k != _pid -> reqc[REQ(_pid, k, ourSeq[_pid])]++ :: else -> skip fi
           }
           k = 0;
           assert(MUTEX) }
    /* action enter */
    :: d_step { phase[_pid] == WAITING && replies[_pid] == N - 1 ->
           phase[_pid] = CRITICAL;
           assert(MUTEX) }
    /* action exit */
    :: d_step { phase[_pid] == CRITICAL ->
           phase[_pid] = IDLE;
           done[_pid]++;
           for (k : 0 .. N - 1) {
               if :: k != _pid && deferred[_pid * N + k] ->
                      deferred[_pid * N + k] = false;
                      repc[REP(_pid, k)]++
                  :: else -> skip
               fi
           }
           k = 0;
           assert(MUTEX) }
    /* handlers: messages from every other process (the options for j == _pid never fire) */
    FROM(0)
    FROM(1)
#if N > 2
    FROM(2)
#endif
#if N > 3
    FROM(3)
#endif
#if N > 4
    FROM(4)
#endif
    /* deadlock check: no other step is executable anywhere */
    :: atomic { timeout && _pid == 0 -> assert(VALID_END) }
    od
}
