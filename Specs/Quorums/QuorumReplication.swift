import Kripke

/// # Quorum replication (W + R > N)
///
/// `N` replicas store a versioned value. A writer sends WRITE(v) to every replica and the write
/// completes once `W` replicas have acknowledged it. Afterwards a reader sends READ to every
/// replica, waits for `R` replies and returns the highest version among them. Messages are
/// delivered in any order. When `W + R > N` every read quorum meets every write quorum, so the
/// read sees the completed write; when `W + R ≤ N` a read can be answered only by replicas the
/// write has not reached yet.
///
/// With `F > 0`, up to `F` replicas may crash (fail-stop). With `F ≤ N − max(W, R)` the write and
/// the read still complete; with more crashes they can block, which the check reports as a
/// deadlock (the run cannot reach its end state).
///
/// **Parameters**: `N` replicas (default 3), write quorum `W` (default 2), read quorum `R`
/// (default 2), crashes `F` (default 0). `W ≤ N` and `R ≤ N` are required.
///
/// **Properties**: *read-your-writes* — a finished read returns version 1, the completed write;
/// no deadlock — the write and the read both complete. The correct variant carries helper lemmas
/// (QuorumReplicationLemmas.swift) with which `kripke prove` proves read-your-writes for W + R > N.
///
/// **Verdicts**: holds for (N,W,R) = (3,2,2), (5,3,3); violated for (3,2,1), (3,1,2), (4,2,2).
///
/// **Variants**:
/// - `quorum-replication` — correct; holds at the defaults.
/// - `quorum-replication-last-reply` — the reader returns the version of the *last* reply it
///   receives instead of the highest; a stale reply arriving last is returned.
///
/// **Pinned counts** (SpecsTests): correct at defaults: 295 states, 815 transitions, depth 14
/// (75 states with symmetry reduction over the replicas);
/// (5,3,3): 23,727 states (601 with symmetry). With F=1: 1,180 states; with F=2 a deadlock after 5 steps.
/// Last-reply bug at defaults: read-your-writes violated after 10 steps.
public enum QuorumReplication {
    enum Variant { case correct, lastReply }
    enum WritePhase: Enumeration { case idle, writing, done }
    enum ReadPhase: Enumeration { case idle, reading, done }

    static let parameters = [
        ParameterDecl(name: "N", defaultValue: 3, range: 1...7, summary: "number of replicas"),
        ParameterDecl(name: "W", defaultValue: 2, range: 1...7, summary: "write quorum (acknowledgements awaited)"),
        ParameterDecl(name: "R", defaultValue: 2, range: 1...7, summary: "read quorum (replies awaited)"),
        ParameterDecl(name: "F", defaultValue: 0, range: 0...7, summary: "replicas that may crash"),
    ]

    public static let correct = SpecDefinition(
        name: "quorum-replication", summary: "Quorum reads and writes: W + R > N makes a read see the last completed write",
        parameters: parameters, expectation: .holds) { build($0, .correct) }

    public static let lastReply = SpecDefinition(
        name: "quorum-replication-last-reply", summary: "Quorum read that returns the last reply instead of the highest version",
        parameters: parameters, expectation: .violated) { build($0, .lastReply) }

    static func build(_ s: SpecBuilder, _ variant: Variant) {
        let n = s.parameter("N")
        let w = s.parameter("W")
        let r = s.parameter("R")
        let f = s.parameter("F")
        s.assume(w <= n, "the write quorum W=\(w) cannot exceed the number of replicas N=\(n)")
        s.assume(r <= n, "the read quorum R=\(r) cannot exceed the number of replicas N=\(n)")
        s.assume(f <= n, "at most N=\(n) replicas can crash (F=\(f))")

        let writer = s.process("writer")
        let reader = s.process("reader")
        let replicas = s.processes("replica", count: n, symmetric: true)

        let version = s.variable("version", per: replicas, in: .range(0...1), initial: 0)
        let writePhase = s.variable("writePhase", per: writer, in: .cases(WritePhase.self), initial: .idle)
        let acks = s.variable("acks", per: writer, in: .range(0...n), initial: 0)
        let readPhase = s.variable("readPhase", per: reader, in: .cases(ReadPhase.self), initial: .idle)
        let replies = s.variable("replies", per: reader, in: .range(0...n), initial: 0)
        let result = s.variable("result", per: reader, in: .range(0...1), initial: 0)
        if f > 0 { _ = s.crashes(replicas, upTo: f) }

        let ver = Field("version", .range(0...1))
        let write = s.message("write", ver)
        let ack = s.message("ack")
        let read = s.message("read")
        let reply = s.message("reply", ver)
        s.network(.unordered(capacity: 4 * n))

        s.action("write", for: writer) { wr in
            Require(writePhase[wr] == .idle)
            writePhase[wr] <- .writing
            ForEach(replicas) { rep in
                Send(write.with(ver, 1), from: wr, to: rep)
            }
        }

        s.on(write, at: replicas) { m in
            version[m.receiver] <- Max(version[m.receiver], m[ver])
            Send(ack, from: m.receiver, to: m.sender)
        }

        s.on(ack, at: writer) { m in
            acks[m.receiver] <- acks[m.receiver] + 1
            If(acks[m.receiver] >= .constant(w)) {
                writePhase[m.receiver] <- .done
            }
        }

        s.action("read", for: reader) { rd in
            Require(readPhase[rd] == .idle)
            Require(writePhase[writer.only] == .done)
            readPhase[rd] <- .reading
            ForEach(replicas) { rep in
                Send(read, from: rd, to: rep)
            }
        }

        s.on(read, at: replicas) { m in
            Send(reply.with(ver, version[m.receiver]), from: m.receiver, to: m.sender)
        }

        s.on(reply, at: reader) { m in
            let rd = m.receiver
            If(readPhase[rd] == .reading) {
                replies[rd] <- replies[rd] + 1
                if variant == .correct {
                    result[rd] <- Max(result[rd], m[ver])
                } else {
                    result[rd] <- m[ver]
                }
                If(replies[rd] >= .constant(r)) {
                    readPhase[rd] <- .done
                }
            }
        }

        let finished = readPhase[reader.only] == .done
        s.invariant("read-your-writes", finished.implies(result[reader.only] == 1))
        s.validEndState(finished)
        if variant == .correct {
            let model = Model(replicas: replicas, writer: writer.only, reader: reader.only, version: version,
                              writePhase: writePhase, acks: acks, readPhase: readPhase, replies: replies, result: result,
                              write: write, ack: ack, read: read, reply: reply, ver: ver)
            lemmas(s, model, n: n, w: w, r: r)
        }
    }
}
