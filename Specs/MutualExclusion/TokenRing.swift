import Kripke

/// # Token-ring mutual exclusion
///
/// The `N` processes form a logical ring, and a single TOKEN message circulates around it:
/// process `i` passes it to `i + 1 mod N`. Only the process holding the token may enter the
/// critical section. A process that wants to enter waits for the token, enters, and passes the
/// token on when it leaves; a process that does not want to enter passes the token on at once.
/// Initially process 0 holds the token. Safety follows from the token being unique.
///
/// **Parameters**: `N` processes (default 3), `R` critical-section entries per process
/// (default 2). The token keeps circulating after everybody is done, so runs do not end; the
/// state space is still finite.
///
/// **Properties**: mutual exclusion; no deadlock; starvation freedom (every waiting process
/// eventually enters) under weak fairness of every process — the token keeps moving, so it
/// reaches every waiting process. The correct variant carries two helper lemmas
/// (exactly one token exists; only its holder is critical), so `kripke prove token-ring` proves
/// mutual exclusion for every depth (k = 0), and `check` verifies the lemmas too.
///
/// **Variants**:
/// - `token-ring` — correct; holds.
/// - `token-ring-regenerate` — a waiting process that has not seen the token for a while
///   believes it lost and creates a new one. In an asynchronous system a slow token cannot be
///   told from a lost one: the old token is still circulating, and two processes enter.
///   (Regeneration is allowed once per run.)
///
/// **Pinned counts** (SpecsTests): correct, N=3 R=2: 900 states (3 holders × 7·5·5 process
/// states, only the holder critical, plus 3 channels carrying the token × 5·5·5), 1,920
/// transitions, depth 28. Regenerate, N=3 R=2: mutual exclusion violated after 5 steps.
public enum TokenRing {
    enum Variant { case correct, regenerate }
    enum Phase: Enumeration { case idle, waiting, critical }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 2...6, summary: "number of processes on the ring"),
        ParameterDecl(name: "R", defaultValue: 2, range: 1...3, summary: "critical-section entries per process"),
    ]

    public static let correct = SpecDefinition(
        name: "token-ring", summary: "Token-ring mutual exclusion: a single token circulates on a ring",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let regenerate = SpecDefinition(
        name: "token-ring-regenerate", summary: "Token ring whose processes regenerate a token they believe lost",
        parameters: parameters, expectation: .violated) { build($0, .regenerate) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let rounds = s.parameter("R")
        let procs = s.processes("p", count: n)

        let phase = s.variable("phase", per: procs, in: .cases(Phase.self), initial: .idle)
        let hasToken = s.variable("hasToken", per: procs, in: .bool) { i in i == procs.process(0) }
        let done = s.variable("done", per: procs, in: .range(0...rounds), initial: 0)

        let token = s.message("token")
        s.network(.fifo(capacity: 2))

        s.action("want", for: procs) { i in
            Require(phase[i] == .idle)
            Require(done[i] < .constant(rounds))
            phase[i] <- .waiting
        }

        s.on(token, at: procs) { m in
            hasToken[m.receiver] <- true
        }

        s.action("enter", for: procs) { i in
            Require(phase[i] == .waiting)
            Require(hasToken[i])
            phase[i] <- .critical
        }

        s.action("exit", for: procs) { i in
            Require(phase[i] == .critical)
            phase[i] <- .idle
            done[i] <- done[i] + 1
            hasToken[i] <- false
            Send(token, from: i, to: procs.next(i))
        }

        s.action("pass", for: procs) { i in
            Require(phase[i] == .idle)
            Require(hasToken[i])
            hasToken[i] <- false
            Send(token, from: i, to: procs.next(i))
        }

        if variant == .regenerate {
            let regenerated = s.global("regenerated", in: .bool, initial: false)
            s.action("regenerate", for: procs) { i in
                Require(phase[i] == .waiting)
                Require(!hasToken[i])
                Require(!regenerated)
                regenerated <- true
                hasToken[i] <- true
            }
        }

        s.check(MutualExclusion(procs) { i in phase[i] == .critical })
        s.fair(.weak, processes: procs)
        s.check(StarvationFreedom(procs, waiting: { i in phase[i] == .waiting }, critical: { i in phase[i] == .critical }))
        if variant == .correct {
            lemmas(s, Model(procs: procs, phase: phase, hasToken: hasToken, token: token))
        }
    }
}
