/*
 * chang-roberts — Specs/Election/ChangRoberts.swift (variant `correct`) in SPIN's preferred
 * style for partial-order reduction: process-local variables, one channel into each process
 * (its ring predecessor is the only sender), each Kripke step one atomic option.
 *
 * Kripke                                  SPIN (this file)
 *   participant[i], leader[i]               locals of proctype P
 *   FIFO channel p(i-1) -> p(i), capacity N chan ring[i], N slots of {mtype, byte}
 *   action start / handlers election,       one atomic option each, from the head of a do loop
 *     elected
 *   ORDER=1: ids decrease along the ring    id = N - 1 - _pid
 *
 * The invariants (unique leader, agreement at the end) read every process's state, so Kripke
 * treats the steps that write `leader` or move messages as visible. This model asserts nothing
 * (SPIN checks only invalid end states), so SPIN's reduced count is a lower bound for what a
 * model with the same assertions would store. Reduced counts are compared in Benchmarks/README.md.
 *
 * spin -DN=4 -a chang_roberts.pml
 */
#ifndef N
#define N 4
#endif

mtype = { election, elected };
chan ring[N] = [N] of { mtype, byte };

active [N] proctype P() {
    bool participant = false;
    short leader = -1;
    byte id = N - 1 - _pid;
    byte m;
    chan inbox = ring[_pid];
    chan outbox = ring[(_pid + 1) % N];
    xr inbox;
    xs outbox;
end:
    do
    :: atomic { !participant && leader == -1 -> participant = true; outbox!election(id) }
    :: atomic { inbox?election(m) ->
           if
           :: m > id -> participant = true; outbox!election(m)
           :: m < id && !participant -> participant = true; outbox!election(id)
           :: m < id && participant -> skip
           :: m == id -> leader = id; participant = false; outbox!elected(id)
           fi;
           m = 0 }
    :: atomic { inbox?elected(m) ->
           leader = m; participant = false;
           if
           :: m != id -> outbox!elected(m)
           :: else -> skip
           fi;
           m = 0 }
    od
}
