------------------------------- MODULE EWD840 -------------------------------
(***************************************************************************)
(* Dijkstra's termination detection on a ring (EWD 840): the model of the  *)
(* public TLA+ Examples (github.com/tlaplus/Examples,                      *)
(* specifications/ewd840/EWD840.tla, by Stephan Merz, MIT licence), kept   *)
(* step for step, with two changes so that TLC checks exactly what         *)
(* `kripke check ewd840` checks (Specs/Termination/EWD840.swift):          *)
(*                                                                         *)
(*  - fairness per action instance, as Kripke declares it                  *)
(*    (s.fair(.weak, action: "initiate probe") and "pass token"): one WF   *)
(*    for InitiateProbe and one per PassToken(i), instead of the           *)
(*    original's single WF_vars(System). Only one of these is ever enabled *)
(*    (the token is at one node), so the two are equivalent; this form is  *)
(*    the one Kripke checks.                                               *)
(*  - Kripke's deadlock rule: a state without successors is an error       *)
(*    unless it is a valid end state (detected /\ terminated). TLC runs    *)
(*    with its deadlock check on, and Next has a stuttering step Done that *)
(*    is enabled exactly in valid end states (the PlusCal "Terminating"    *)
(*    idiom). Done only adds self-loops, never a state.                    *)
(*                                                                         *)
(* Same reachable states as Kripke: every combination of activity, colours *)
(* and token position with a black token is initial (N*4^N states), and    *)
(* the steps are the same guarded assignments. N=3: 302 states, N=4: 1,566.*)
(***************************************************************************)
EXTENDS Naturals

CONSTANT N
ASSUME NAssumption == N \in Nat \ {0}

VARIABLES active, color, tpos, tcolor

vars == <<active, color, tpos, tcolor>>

Node == 0 .. N-1
Color == {"white", "black"}

TypeOK ==
  /\ active \in [Node -> BOOLEAN]
  /\ color \in [Node -> Color]
  /\ tpos \in Node
  /\ tcolor \in Color

Init ==
  /\ active \in [Node -> BOOLEAN]
  /\ color \in [Node -> Color]
  /\ tpos \in Node
  /\ tcolor = "black"

\* Kripke: action "initiate probe" (only node 0's instance is ever enabled).
InitiateProbe ==
  /\ tpos = 0
  /\ tcolor = "black" \/ color[0] = "black"
  /\ tpos' = N-1
  /\ tcolor' = "white"
  /\ active' = active
  /\ color' = [color EXCEPT ![0] = "white"]

\* Kripke: action "pass token".
PassToken(i) ==
  /\ tpos = i
  /\ ~ active[i] \/ color[i] = "black" \/ tcolor = "black"
  /\ tpos' = i-1
  /\ tcolor' = IF color[i] = "black" THEN "black" ELSE tcolor
  /\ active' = active
  /\ color' = [color EXCEPT ![i] = "white"]

System == InitiateProbe \/ \E i \in Node \ {0} : PassToken(i)

\* Kripke: action "send message" (one instance per sender i and receiver j).
SendMsg(i) ==
  /\ active[i]
  /\ \E j \in Node \ {i} :
        /\ active' = [active EXCEPT ![j] = TRUE]
        /\ color' = [color EXCEPT ![i] = IF j>i THEN "black" ELSE @]
  /\ UNCHANGED <<tpos, tcolor>>

\* Kripke: action "deactivate".
Deactivate(i) ==
  /\ active[i]
  /\ active' = [active EXCEPT ![i] = FALSE]
  /\ UNCHANGED <<color, tpos, tcolor>>

Environment == \E i \in Node : SendMsg(i) \/ Deactivate(i)

terminated == \A i \in Node : ~ active[i]

terminationDetected ==
  /\ tpos = 0 /\ tcolor = "white"
  /\ color[0] = "white" /\ ~ active[0]

\* Kripke: s.validEndState(detected && allPassive). A self-loop, so TLC's
\* deadlock check reports exactly the deadlocks Kripke reports.
Done == terminationDetected /\ terminated /\ UNCHANGED vars

Next == System \/ Environment \/ Done

\* Kripke: s.fair(.weak, action: "initiate probe") and (.weak, action: "pass token"),
\* each instance weakly fair.
Fairness == WF_vars(InitiateProbe) /\ \A i \in Node \ {0} : WF_vars(PassToken(i))

Spec == Init /\ [][Next]_vars /\ Fairness

\* Kripke invariant "termination detection".
TerminationDetection == terminationDetected => terminated

\* Kripke invariant "Dijkstra's invariant".
Inv ==
  \/ \A i \in Node : tpos < i => ~ active[i]
  \/ \E j \in 0 .. tpos : color[j] = "black"
  \/ tcolor = "black"

\* Kripke liveness "termination is detected".
Liveness == terminated ~> terminationDetected
=============================================================================
