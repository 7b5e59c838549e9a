import Kripke

/// # Dijkstra's termination detection on a ring (EWD 840, 1983)
///
/// `N` nodes on a ring compute by activating each other; an active node may send a message that
/// activates another, or become passive on its own. Node 0 wants to know when every node is
/// passive. It sends a token around the ring, from node `N−1` down to node 0; a node passes the
/// token on only once passive. Each node and the token are white or black: a node that activates
/// a node with a higher number — one the token has already visited in this round — turns black,
/// and a black node blackens the token as it passes it (whitening itself). Node 0 concludes that
/// all nodes are passive when the token comes back white to a white, passive node 0; otherwise it
/// starts a new round.
///
/// This is the model of the public TLA+ Examples (`EWD840.tla`): messages are not modelled, an
/// activation takes effect at once. **Every** combination of activity, colours and token
/// position is an initial state (the token itself starts black): `initially:` domains, 192
/// initial states at N=3 — no dummy start state.
///
/// **Parameters**: `N` nodes (default 3, up to 8; N=7 and 8 are for the side-by-side benchmark with
/// TLC in Benchmarks/tlc.sh: 172,286 and 786,942 states).
///
/// **Properties**: *termination detection* — when node 0 concludes, every node is passive;
/// *Dijkstra's invariant* — the token has only passed passive nodes, or some node it has not
/// yet reached (or node 0) is black, or the token is black: the reason the detection is sound,
/// checked like any invariant; no deadlock except after detection; *termination is detected*
/// (liveness: once every node is passive, node 0 eventually concludes) when passing and
/// starting the token are weakly fair.
///
/// **Variants**:
/// - `ewd840` — correct; holds.
/// - `ewd840-token-stays-white` — a black node whitens itself but does not blacken the token:
///   a node that reactivated an already-visited node goes unreported, and node 0 concludes
///   while that node is still active.
///
/// **Pinned counts** (SpecsTests, checked against an independent enumeration of the TLA+
/// model): correct, N=3: 192 initial states, 302 states, 1,100 transitions.
public enum EWD840 {
    enum Variant { case correct, tokenStaysWhite }
    enum Color: Enumeration { case white, black }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...8, summary: "number of nodes on the ring"),
    ]

    public static let correct = SpecDefinition(
        name: "ewd840", summary: "Dijkstra's token-based termination detection on a ring (EWD 840)",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let tokenStaysWhite = SpecDefinition(
        name: "ewd840-token-stays-white",
        summary: "EWD 840 whose black nodes do not blacken the token they pass on",
        parameters: parameters, expectation: .violated) { build($0, .tokenStaysWhite) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let nodes = s.processes("node", count: n)
        let first = nodes.process(0)

        let active = s.variable("active", per: nodes, in: .bool, initially: .bool)
        let color = s.variable("color", per: nodes, in: .cases(Color.self), initially: .cases(Color.self))
        let tpos = s.global("tpos", in: .process(nodes), initially: .process(nodes))
        let tcolor = s.global("tcolor", in: .cases(Color.self), initial: .black)

        s.action("initiate probe", for: nodes) { i in
            Require(i == first)
            Require(tpos == first)
            Require(tcolor == .black || color[first] == .black)
            tpos <- nodes.process(n - 1)
            tcolor <- .white
            color[first] <- .white
        }

        s.action("pass token", for: nodes) { i in
            Require(i != first)
            Require(tpos == i)
            Require(!active[i] || color[i] == .black || tcolor == .black)
            tpos <- nodes.previous(i)
            if variant == .correct {
                If(color[i] == .black) { tcolor <- .black }
            }
            color[i] <- .white
        }

        s.action("send message", for: nodes, choosing: 0...(n - 1)) { i, k in
            let j = nodes.process(at: k)
            Require(active[i])
            Require(j != i)
            active[j] <- true
            If(nodes.index(j) > nodes.index(i)) { color[i] <- .black }
        }

        s.action("deactivate", for: nodes) { i in
            Require(active[i])
            active[i] <- false
        }

        let detected = tpos == first && tcolor == .white && color[first] == .white && !active[first]
        let allPassive = ForAll(nodes) { i in !active[i] }
        s.invariant("termination detection", detected.implies(allPassive))
        let passedArePassive = ForAll(nodes) { i in (nodes.index(tpos) < nodes.index(i)).implies(!active[i]) }
        let blackAhead = Exists(nodes) { j in nodes.index(j) <= nodes.index(tpos) && color[j] == .black }
        s.invariant("Dijkstra's invariant", passedArePassive || blackAhead || tcolor == .black)
        s.validEndState(detected && allPassive)
        s.fair(.weak, action: "initiate probe")
        s.fair(.weak, action: "pass token")
        s.check(Liveness("termination is detected", allPassive ~> detected))
    }
}
