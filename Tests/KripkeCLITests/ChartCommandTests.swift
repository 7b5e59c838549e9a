import Foundation
import Testing

/// `trace render` and `check --msc`: the HTML chart says what broke, the text chart fits the
/// terminal's width.
@Suite struct ChartCommandTests {
    static func golden(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Counterexamples/\(name).itf.json").path
    }

    static func widest(_ text: String) -> Int {
        text.split(separator: "\n").map(\.count).max() ?? 0
    }

    @Test func htmlNamesThePropertyTheTraceFileDescribes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try CommandRunner.run(["trace", "render", Self.golden("paxos-accept-below-promise"), "--format", "html", "-o", path])
        #expect(output.status == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<h1 class=\"violated\">✗ invariant 'agreement' violated after step 16</h1>"))
        #expect(html.contains("<g class=\"step violating\" data-step=\"16\">"))
    }

    @Test func mscFitsColumnsOrTheWidthOption() throws {
        let paxos = Self.golden("paxos-accept-below-promise")
        let eighty = try CommandRunner.run(["trace", "render", paxos], environment: ["COLUMNS": "80"])
        #expect(eighty.status == 0)
        #expect(Self.widest(eighty.stdout) <= 80)
        #expect(eighty.stdout.hasPrefix("step  proposer0     proposer1     acceptor0"))
        let wide = try CommandRunner.run(["trace", "render", paxos, "--width", "120"], environment: ["COLUMNS": "80"])
        #expect(Self.widest(wide.stdout) <= 120)
        #expect(Self.widest(wide.stdout) > 80)
        let unset = try CommandRunner.run(["trace", "render", paxos], environment: ["COLUMNS": ""])   // and not a terminal
        #expect(Self.widest(unset.stdout) <= 100)
        #expect(unset.stdout.hasPrefix("step  proposer0         proposer1         acceptor0"))
    }

    @Test func checkMscFitsColumns() throws {
        let output = try CommandRunner.run(["check", "ricart-agrawala-tie-bug", "--msc", "--quiet"], environment: ["COLUMNS": "40"])
        #expect(output.status == 1)
        let chart = try #require(output.stdout.components(separatedBy: "Message-sequence chart:\n").last)
        #expect(chart.hasPrefix("step  p0         p1         p2\n"))
        #expect(Self.widest(chart) <= 40)
    }
}
