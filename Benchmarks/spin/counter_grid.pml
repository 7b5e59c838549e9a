/*
 * counter-grid — mirror of the Kripke fixture spec `counter-grid`
 * (Tests/Fixtures/FixtureSpecs.swift): N independent counters value[i] in 0..K, each
 * process may increment its own counter while it is below K. (K+1)^N states.
 *
 * Kripke                                SPIN (this file)
 *   processes p[0..N-1]                   active [N] proctype P, one per Kripke process
 *   value[i] in 0...K, initial 0          global byte value[N] (see below)
 *   action "increment" (one atomic step)  one d_step option of the process's do loop
 *   validEndState(true): no deadlock      the loop is labelled end:, so a process blocked
 *                                         there is a valid end state
 *
 * State count: every process sits at the head of its do loop after each d_step, so its
 * program counter is constant and the reachable states are exactly the (K+1)^N valuations of
 * value[]: 1,000,000 for N=6, K=9, the same as Kripke.
 *
 * `value` is a global array, as in Kripke (a per-process variable is a global slot there).
 * Declared global, SPIN's partial-order reduction treats every increment as dependent on
 * every other, so default POR reduces nothing. With `spin -DLOCAL`, `value` is a local
 * of each process instead: then SPIN's POR (not -DNOREDUCE) sees that the increments are
 * independent and explores one interleaving.
 *
 * Parameters: spin -DN=6 -DK=9 -a counter_grid.pml
 */
#ifndef N
#define N 6
#endif
#ifndef K
#define K 9
#endif

#ifdef LOCAL
active [N] proctype P() {
    byte value = 0;
end:
    do
    :: d_step { value < K -> value++ }
    od
}
#else
byte value[N];

active [N] proctype P() {
end:
    do
    :: d_step { value[_pid] < K -> value[_pid]++ }
    od
}
#endif
