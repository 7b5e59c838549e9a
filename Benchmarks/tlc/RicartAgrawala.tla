--------------------------- MODULE RicartAgrawala ---------------------------
(***************************************************************************)
(* Ricart-Agrawala mutual exclusion: mirror of `kripke check               *)
(* ricart-agrawala` (Specs/MutualExclusion/RicartAgrawala.swift, variant   *)
(* correct) and of Benchmarks/spin/ricart_agrawala.pml.                    *)
(*                                                                         *)
(* A process that wants the critical section sends REQUEST(seq) to every   *)
(* other process, seq = highestSeq + 1, and waits for N-1 REPLYs. A        *)
(* process receiving REQUEST(k) from j records k in highestSeq and replies *)
(* at once unless it is critical, or waiting with an earlier request       *)
(* ((ourSeq, i) < (k, j)): then it defers the reply until it leaves. Each  *)
(* process enters R times.                                                 *)
(*                                                                         *)
(* Kripke                          TLA+ (this module)                      *)
(*   phase, ourSeq, highestSeq,    variables of the same names and domains *)
(*   replies, deferred[i,j], done                                          *)
(*   unordered network (a multiset  reqc[<<j, i, s>>] = how many           *)
(*   of messages)                   REQUEST(seq = s) from j to i are in    *)
(*                                  flight, repc[<<j, i>>] = how many      *)
(*                                  REPLY: a multiset is exactly a vector  *)
(*                                  of counts                              *)
(*   actions request/enter/exit     Request/Enter/Exit(i)                  *)
(*   handlers on request, reply     RcvRequest(i, j, s), RcvReply(i, j):   *)
(*                                  one step per delivered message         *)
(*   s.fair(.weak, processes:)      WF_vars(Step(i)): Step(i) is the       *)
(*                                  disjunction of all of i's steps,       *)
(*                                  deliveries to i included               *)
(*   validEndState(all done = R)    TLC's deadlock check on, and a         *)
(*                                  stuttering step Done enabled exactly   *)
(*                                  in valid end states (self-loops only)  *)
(*   MutualExclusion               invariant MutualExclusion               *)
(*   StarvationFreedom             PROPERTY StarvationFreedom              *)
(*                                                                         *)
(* Kripke (and SPIN): 3,300 states for N=3 R=1, 2,196,650 for N=4 R=1.     *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS N, R

VARIABLES phase, ourSeq, highestSeq, replies, deferred, done, reqc, repc

vars == <<phase, ourSeq, highestSeq, replies, deferred, done, reqc, repc>>

Proc == 0 .. N-1
MaxSeq == N * R
Seqs == 0 .. MaxSeq
Pairs == {p \in Proc \X Proc : p[1] # p[2]}

Init ==
  /\ phase = [i \in Proc |-> "idle"]
  /\ ourSeq = [i \in Proc |-> 0]
  /\ highestSeq = [i \in Proc |-> 0]
  /\ replies = [i \in Proc |-> 0]
  /\ deferred = [p \in Pairs |-> FALSE]
  /\ done = [i \in Proc |-> 0]
  /\ reqc = [m \in {<<p[1], p[2], s>> : p \in Pairs, s \in Seqs} |-> 0]
  /\ repc = [p \in Pairs |-> 0]

\* (a, i) < (b, j), ties broken by process id (Kripke's Precedes).
Precedes(a, i, b, j) == a < b \/ (a = b /\ i < j)

Request(i) ==
  /\ phase[i] = "idle"
  /\ done[i] < R
  /\ LET s == highestSeq[i] + 1 IN
       /\ phase' = [phase EXCEPT ![i] = "waiting"]
       /\ ourSeq' = [ourSeq EXCEPT ![i] = s]
       /\ replies' = [replies EXCEPT ![i] = 0]
       /\ reqc' = [m \in DOMAIN reqc |->
                     IF m[1] = i /\ m[3] = s THEN reqc[m] + 1 ELSE reqc[m]]
  /\ UNCHANGED <<highestSeq, deferred, done, repc>>

RcvRequest(i, j, s) ==
  /\ reqc[<<j, i, s>>] > 0
  /\ reqc' = [reqc EXCEPT ![<<j, i, s>>] = @ - 1]
  /\ highestSeq' = [highestSeq EXCEPT ![i] = IF s > @ THEN s ELSE @]
  /\ IF phase[i] = "critical" \/ (phase[i] = "waiting" /\ Precedes(ourSeq[i], i, s, j))
       THEN /\ deferred' = [deferred EXCEPT ![<<i, j>>] = TRUE]
            /\ UNCHANGED repc
       ELSE /\ repc' = [repc EXCEPT ![<<i, j>>] = @ + 1]
            /\ UNCHANGED deferred
  /\ UNCHANGED <<phase, ourSeq, replies, done>>

RcvReply(i, j) ==
  /\ repc[<<j, i>>] > 0
  /\ repc' = [repc EXCEPT ![<<j, i>>] = @ - 1]
  /\ replies' = [replies EXCEPT ![i] = @ + 1]
  /\ UNCHANGED <<phase, ourSeq, highestSeq, deferred, done, reqc>>

Enter(i) ==
  /\ phase[i] = "waiting"
  /\ replies[i] = N - 1
  /\ phase' = [phase EXCEPT ![i] = "critical"]
  /\ UNCHANGED <<ourSeq, highestSeq, replies, deferred, done, reqc, repc>>

Exit(i) ==
  /\ phase[i] = "critical"
  /\ phase' = [phase EXCEPT ![i] = "idle"]
  /\ done' = [done EXCEPT ![i] = @ + 1]
  /\ deferred' = [p \in Pairs |-> IF p[1] = i THEN FALSE ELSE deferred[p]]
  /\ repc' = [p \in Pairs |-> IF p[1] = i /\ deferred[p] THEN repc[p] + 1 ELSE repc[p]]
  /\ UNCHANGED <<ourSeq, highestSeq, replies, reqc>>

Step(i) ==
  \/ Request(i)
  \/ Enter(i)
  \/ Exit(i)
  \/ \E j \in Proc \ {i}, s \in Seqs : RcvRequest(i, j, s)
  \/ \E j \in Proc \ {i} : RcvReply(i, j)

\* Kripke: s.validEndState(ForAll(procs) { i in done[i] == R }).
Done == (\A i \in Proc : done[i] = R) /\ UNCHANGED vars

Next == (\E i \in Proc : Step(i)) \/ Done

Spec == Init /\ [][Next]_vars /\ \A i \in Proc : WF_vars(Step(i))

MutualExclusion == \A i, j \in Proc : i # j => ~(phase[i] = "critical" /\ phase[j] = "critical")

StarvationFreedom == \A i \in Proc : (phase[i] = "waiting") ~> (phase[i] = "critical")
=============================================================================
