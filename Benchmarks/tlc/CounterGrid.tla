----------------------------- MODULE CounterGrid -----------------------------
(***************************************************************************)
(* counter-grid: mirror of the Kripke fixture spec `counter-grid`          *)
(* (Tests/Fixtures/FixtureSpecs.swift) and of Benchmarks/spin/             *)
(* counter_grid.pml. N independent counters value[i] in 0..K, all 0        *)
(* initially; any counter below K may be incremented. (K+1)^N states:      *)
(* 1,000,000 for N=6, K=9. A pure throughput test: no invariant, and every *)
(* state is a valid end state (Kripke: validEndState(true); TLC: -deadlock).*)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS N, K

VARIABLE value

Proc == 1 .. N

Init == value = [i \in Proc |-> 0]

\* Kripke: action "increment", one instance per process.
Increment(i) ==
  /\ value[i] < K
  /\ value' = [value EXCEPT ![i] = @ + 1]

Next == \E i \in Proc : Increment(i)

Spec == Init /\ [][Next]_value
=============================================================================
