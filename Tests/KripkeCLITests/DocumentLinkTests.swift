import Foundation
import Testing

/// Every Markdown document a clone has refers only to files the clone has: no link leaves the
/// repository (as `../shared/DESIGN.md` once did) and none is broken.
@Suite struct DocumentLinkTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ["README.md", "docs/ARCHITECTURE.md"])
    func documentReferencesOnlyFilesInTheRepository(document: String) throws {
        let url = Self.root.appendingPathComponent(document)
        let text = try String(contentsOf: url, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(?:\]\(|`)([A-Za-z0-9_./-]+\.md)(?:\)|`)"#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        for match in matches {
            let target = String(text[Range(match.range(at: 1), in: text)!])
            #expect(!target.hasPrefix("../"), "\(document) refers outside the repository: \(target)")
            let resolved = url.deletingLastPathComponent().appendingPathComponent(target).standardized.path
            let fromRoot = Self.root.appendingPathComponent(target).path
            #expect(FileManager.default.fileExists(atPath: resolved) || FileManager.default.fileExists(atPath: fromRoot),
                    "\(document) refers to a missing file: \(target)")
        }
        if document == "README.md" { #expect(text.contains("](docs/ARCHITECTURE.md)")) }
    }
}
