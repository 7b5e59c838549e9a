------------------------------ MODULE TokenRing ------------------------------
(***************************************************************************)
(* Token-ring mutual exclusion: mirror of `kripke check token-ring`        *)
(* (Specs/MutualExclusion/TokenRing.swift, variant correct).               *)
(*                                                                         *)
(* N processes 0..N-1 on a ring; a single token circulates from i to       *)
(* i+1 mod N. A process that wants the critical section waits for the      *)
(* token, enters, and passes the token on when it leaves; an idle process  *)
(* passes it on at once. Each process enters at most R times.              *)
(*                                                                         *)
(* Kripke                          TLA+ (this module)                      *)
(*   phase, hasToken, done         variables of the same names and domains *)
(*   FIFO channels, capacity 2     chan[i] = number of tokens in the       *)
(*                                  channel from i to i+1 mod N. Tokens    *)
(*                                  carry no data and only ring neighbours *)
(*                                  ever exchange them, so the count is    *)
(*                                  one-to-one with Kripke's channel       *)
(*                                  contents (the other channels are       *)
(*                                  always empty).                         *)
(*   actions want/enter/exit/pass  Want/Enter/Exit/Pass(i)                 *)
(*   handler on token at i         Receive(i): one token from i-1          *)
(*   s.fair(.weak, processes:)     WF_vars(Step(i)) for every process i:   *)
(*                                  Step(i) is the disjunction of all of   *)
(*                                  i's steps, the delivery to i included  *)
(*   MutualExclusion               invariant MutualExclusion               *)
(*   StarvationFreedom             PROPERTY StarvationFreedom, one leads-to*)
(*                                  per process                            *)
(*   deadlock = error              TLC's deadlock check on (the token      *)
(*                                  never stops, so there is none)         *)
(*                                                                         *)
(* Kripke: 900 states for N=3 R=2.                                         *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS N, R

VARIABLES phase, hasToken, done, chan

vars == <<phase, hasToken, done, chan>>

Proc == 0 .. N-1
Succ(i) == (i + 1) % N
Pred(i) == (i + N - 1) % N

TypeOK ==
  /\ phase \in [Proc -> {"idle", "waiting", "critical"}]
  /\ hasToken \in [Proc -> BOOLEAN]
  /\ done \in [Proc -> 0 .. R]
  /\ chan \in [Proc -> 0 .. 2]

Init ==
  /\ phase = [i \in Proc |-> "idle"]
  /\ hasToken = [i \in Proc |-> i = 0]
  /\ done = [i \in Proc |-> 0]
  /\ chan = [i \in Proc |-> 0]

Want(i) ==
  /\ phase[i] = "idle"
  /\ done[i] < R
  /\ phase' = [phase EXCEPT ![i] = "waiting"]
  /\ UNCHANGED <<hasToken, done, chan>>

Receive(i) ==
  /\ chan[Pred(i)] > 0
  /\ chan' = [chan EXCEPT ![Pred(i)] = @ - 1]
  /\ hasToken' = [hasToken EXCEPT ![i] = TRUE]
  /\ UNCHANGED <<phase, done>>

Enter(i) ==
  /\ phase[i] = "waiting"
  /\ hasToken[i]
  /\ phase' = [phase EXCEPT ![i] = "critical"]
  /\ UNCHANGED <<hasToken, done, chan>>

Exit(i) ==
  /\ phase[i] = "critical"
  /\ phase' = [phase EXCEPT ![i] = "idle"]
  /\ done' = [done EXCEPT ![i] = @ + 1]
  /\ hasToken' = [hasToken EXCEPT ![i] = FALSE]
  /\ chan' = [chan EXCEPT ![i] = @ + 1]

Pass(i) ==
  /\ phase[i] = "idle"
  /\ hasToken[i]
  /\ hasToken' = [hasToken EXCEPT ![i] = FALSE]
  /\ chan' = [chan EXCEPT ![i] = @ + 1]
  /\ UNCHANGED <<phase, done>>

Step(i) == Want(i) \/ Receive(i) \/ Enter(i) \/ Exit(i) \/ Pass(i)

Next == \E i \in Proc : Step(i)

Spec == Init /\ [][Next]_vars /\ \A i \in Proc : WF_vars(Step(i))

MutualExclusion == \A i, j \in Proc : i # j => ~(phase[i] = "critical" /\ phase[j] = "critical")

StarvationFreedom == \A i \in Proc : (phase[i] = "waiting") ~> (phase[i] = "critical")
=============================================================================
