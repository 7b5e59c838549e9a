/*
 * quorum-replication — mirror of Specs/Quorums/QuorumReplication.swift (variant `correct`).
 *
 * N replicas store a versioned value. A writer sends WRITE(1) to every replica and its write
 * completes once W replicas have acknowledged it. Afterwards a reader sends READ to every
 * replica, waits for R replies and returns the highest version among them. Messages are
 * delivered in any order; up to F replicas may crash (fail-stop). Read-your-writes holds when
 * W + R > N and F <= N - max(W, R).
 *
 * Kripke                                  SPIN (this file)
 *   processes writer, reader,               active proctypes Writer (_pid 0), Reader (_pid 1),
 *   replica[0..N-1] (symmetric)             Replica (_pid 2..N+1, replica id _pid - 2)
 *   version[r], writePhase, acks,           global variables of the same names and domains
 *   readPhase, replies, result, crashed[r]
 *   unordered network (a multiset)          message counters per (sender, receiver, fields):
 *                                             writec[r]   WRITE(version 1) writer -> r
 *                                             ackc[r]     ACK r -> writer
 *                                             readc[r]    READ reader -> r
 *                                             replyc[2r+v] REPLY(version v) r -> reader
 *                                           (the only WRITE ever sent carries version 1, so a
 *                                           count per replica is the whole multiset)
 *   s.crashes(replicas, upTo: F): action    one d_step option per replica; every replica step
 *     crash, and every replica step            also requires !crashed (messages to a crashed
 *     requires the replica to be alive         replica stay in flight, as in Kripke)
 *   actions and handlers                    one d_step option each, per sender (and version)
 *   invariant read-your-writes              assert(RYW) at the end of every d_step
 *   validEndState(readPhase == done)        loop labelled end: plus `timeout -> assert(...)`
 *                                             in the writer (executable only when no other
 *                                             step is: Kripke's terminal states)
 *
 * State count: program counters are constant (every process is back at its do-loop head after
 * each d_step), so SPIN's reachable states are Kripke's with symmetry reduction off
 * (`kripke check quorum-replication --no-symmetry`). SPIN has no symmetry reduction.
 * Kripke's network capacity 4N is never reached (each replica gets one WRITE and one READ and
 * answers each once), so the counters need no bound.
 *
 * Parameters: spin -DN=5 -DW=3 -DR=3 -DF=0 -a quorum_replication.pml   (N in 1..7);
 * add -DLAST_REPLY for the buggy variant.
 */
#ifndef N
#define N 3
#endif
#ifndef W
#define W 2
#endif
#ifndef R
#define R 2
#endif
#ifndef F
#define F 0
#endif

#define IDLE    0
#define ACTIVE  1   /* writing / reading */
#define DONE    2

byte version[N];                    /* 0..1 */
byte writePhase;                    /* IDLE, ACTIVE (writing), DONE */
byte acks;                          /* 0..N */
byte readPhase;                     /* IDLE, ACTIVE (reading), DONE */
byte replies;                       /* 0..N */
byte result;                        /* 0..1 */
bool crashed[N];

byte writec[N];
byte ackc[N];
byte readc[N];
byte replyc[2 * N];

byte k;                             /* loop index inside d_steps; reset to 0 at the end of each, so
                                       it is 0 in every stored state and adds no states (not
                                       `hidden`: SPIN's -DBFS refuses hidden variables) */

#define RYW (readPhase != DONE || result == 1)
#define VALID_END (readPhase == DONE)
#define CRASHED(r) ((N > (r)) && crashed[(r) % N])
#define NCRASHED (CRASHED(0) + CRASHED(1) + CRASHED(2) + CRASHED(3) + CRASHED(4) + CRASHED(5) + CRASHED(6))

/* Writer: handler on ACK from replica r. */
#define ON_ACK(r) \
    :: d_step { ackc[r] > 0 -> \
           ackc[r]--; \
           acks++; \
           if :: acks >= W -> writePhase = DONE :: else -> skip fi; \
           assert(RYW) }

/* result <- Max(result, v); with -DLAST_REPLY, the buggy variant `quorum-replication-last-reply`:
 * result <- v. */
#ifdef LAST_REPLY
#define KEEP_RESULT(v) result = (v)
#else
#define KEEP_RESULT(v) if :: result < (v) -> result = (v) :: else -> skip fi
#endif

/* Reader: handler on REPLY(version v) from replica r. */
#define ON_REPLY(r, v) \
    :: d_step { replyc[2 * (r) + (v)] > 0 -> \
           replyc[2 * (r) + (v)]--; \
           if \
           :: readPhase == ACTIVE -> \
                  replies++; \
                  KEEP_RESULT(v); \
                  if :: replies >= R -> readPhase = DONE :: else -> skip fi \
           :: else -> skip \
           fi; \
           assert(RYW) }

active proctype Writer() {
end:
    do
    /* action write */
    :: d_step { writePhase == IDLE ->
           writePhase = ACTIVE;
           for (k : 0 .. N - 1) { writec[k]++ }
           k = 0;
           assert(RYW) }
    ON_ACK(0)
#if N > 1
    ON_ACK(1)
#endif
#if N > 2
    ON_ACK(2)
#endif
#if N > 3
    ON_ACK(3)
#endif
#if N > 4
    ON_ACK(4)
#endif
#if N > 5
    ON_ACK(5)
#endif
#if N > 6
    ON_ACK(6)
#endif
    /* deadlock check: no other step is executable anywhere */
    :: atomic { timeout -> assert(VALID_END) }
    od
}

active proctype Reader() {
end:
    do
    /* action read */
    :: d_step { readPhase == IDLE && writePhase == DONE ->
           readPhase = ACTIVE;
           for (k : 0 .. N - 1) { readc[k]++ }
           k = 0;
           assert(RYW) }
    ON_REPLY(0, 0) ON_REPLY(0, 1)
#if N > 1
    ON_REPLY(1, 0) ON_REPLY(1, 1)
#endif
#if N > 2
    ON_REPLY(2, 0) ON_REPLY(2, 1)
#endif
#if N > 3
    ON_REPLY(3, 0) ON_REPLY(3, 1)
#endif
#if N > 4
    ON_REPLY(4, 0) ON_REPLY(4, 1)
#endif
#if N > 5
    ON_REPLY(5, 0) ON_REPLY(5, 1)
#endif
#if N > 6
    ON_REPLY(6, 0) ON_REPLY(6, 1)
#endif
    od
}

active [N] proctype Replica() {
end:
    do
    /* handler on WRITE(1) from the writer */
    :: d_step { !crashed[_pid - 2] && writec[_pid - 2] > 0 ->
           writec[_pid - 2]--;
           version[_pid - 2] = 1;       /* Max(version, 1) */
           ackc[_pid - 2]++;
           assert(RYW) }
    /* handler on READ from the reader */
    :: d_step { !crashed[_pid - 2] && readc[_pid - 2] > 0 ->
           readc[_pid - 2]--;
           replyc[2 * (_pid - 2) + version[_pid - 2]]++;
           assert(RYW) }
    /* action crash (fail-stop), at most F replicas */
    :: d_step { NCRASHED < F && !crashed[_pid - 2] ->
           crashed[_pid - 2] = true;
           assert(RYW) }
    od
}
