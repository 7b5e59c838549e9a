@testable import SMT
import Testing

/// libz3 is loaded at run time, once per process, from the usual file names.
@Suite struct Z3LibraryTests {
    @Test func loadingTheInstalledLibrarySucceedsAndIsIdempotent() throws {
        try Z3Library.load()
        try Z3Library.load()
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        try solver.assert(try ctx.intConst("x") > 3)
        #expect(try solver.check() == .sat)
        try Z3Library.load()
    }
}
