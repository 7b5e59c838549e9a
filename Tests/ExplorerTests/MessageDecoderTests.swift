@testable import Explorer
import Kripke
import Testing

/// `MessageDecoder` is the explorer's flat copy of `MessageNumbering`: it must decode every code
/// exactly as the numbering does.
@Suite struct MessageDecoderTests {
    @Test func decodesEveryCodeAsTheNumberingDoes() throws {
        let spec = SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 3)
            let x = s.variable("x", per: procs, in: .range(0...1), initial: 0)
            let round = Field("round", .range(2...4))
            let a = Field("a", .range(0...2)), b = Field("b", .range(-1...1))
            let ping = s.message("ping")
            let vote = s.message("vote", round)
            let pair = s.message("pair", a, b)
            s.network(.unordered(capacity: 3))
            s.action("go", for: procs) { i in
                Require(x[i] == 0)
                x[i] <- 1
                Send(ping, from: i, to: i)
                Send(vote.with(round, 3), from: i, to: i)
                Send(pair.with(a, 1).with(b, -1), from: i, to: i)
            }
            for kind in [ping, vote, pair] {
                s.on(kind, at: procs) { m in Require(x[m.receiver] == 1) }
            }
        }
        let numbering = MessageNumbering(try spec.instantiate())
        let decoder = MessageDecoder(numbering)
        #expect(numbering.messageCount == 1 + 3 + 9)
        var fields = [Int](repeating: 0, count: 2)
        for code in 0..<numbering.messageCount {
            let expected = numbering.decode(code)
            let kind = fields.withUnsafeMutableBufferPointer { decoder.decode(code, into: $0.baseAddress!) }
            #expect(kind == expected.kind && decoder.kind(of: code) == expected.kind)
            #expect(Array(fields.prefix(expected.fields.count)) == expected.fields)
        }
    }
}
