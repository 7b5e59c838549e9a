// swift-tools-version:6.0
import PackageDescription

/// Kripke: a model checker for distributed algorithms.
///
/// Module map (dependencies point one way):
/// - `Kripke`    — the spec DSL, its IR and the validator (depends on nothing)
/// - `Explorer`  — explicit-state BFS over packed states (depends on Kripke, and on `CPrefetch`, a
///   one-function C header: Swift has no prefetch intrinsic)
/// - `Traces`    — trace printing, ITF JSON, message-sequence charts (depends on Kripke)
/// - `CZ3`/`SMT` — the Z3 C API, with libz3 loaded by `dlopen` when the first SMT context is
///   created (not linked: the explorer runs without Z3), and its safe Swift wrapper
/// - `Symbolic`  — BMC and k-induction over Z3 (depends on Kripke, SMT; replays its answers on a
///   `ConcreteSemantics` its caller supplies)
/// - `Verification` — runs an engine on a spec and returns the one `Outcome` (depends on Explorer,
///   Symbolic; gives Symbolic the explorer's semantics)
/// - `Reports`   — renders an `Outcome` as text, JSON, JUnit XML and SARIF (depends on Kripke, Traces)
/// - `Lemmas`    — candidate lemmas for a counterexample to induction, mined from the states the
///   explorer's search shows a visitor (depends on Explorer, Symbolic, Verification)
/// - `KripkeTesting` — assertions for users' tests (`expectHolds`, `expectViolation`) that fail with
///   the counterexample
/// - `Specs`     — the spec library (directory `Specs/`)
/// - `KripkeCLI` — the `kripke` commands; `kripke` is the executable
/// `KRIPKE_STRICT=1` (set by scripts/test, so in CI) reports spec lines that are slow to type check.
let specSettings: [SwiftSetting] = Context.environment["KRIPKE_STRICT"] == nil
    ? [] : [.unsafeFlags(["-Xfrontend", "-warn-long-expression-type-checking=300"])]

let package = Package(
    name: "Kripke",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Kripke", targets: ["Kripke"]),
        .library(name: "Explorer", targets: ["Explorer"]),
        .library(name: "Traces", targets: ["Traces"]),
        .library(name: "SMT", targets: ["SMT"]),
        .library(name: "Symbolic", targets: ["Symbolic"]),
        .library(name: "Verification", targets: ["Verification"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Lemmas", targets: ["Lemmas"]),
        .library(name: "KripkeTesting", targets: ["KripkeTesting"]),
        .library(name: "Specs", targets: ["Specs"]),
        .library(name: "KripkeCLI", targets: ["KripkeCLI"]),
        .executable(name: "kripke", targets: ["kripke"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Builds with z3.h (libz3-dev); scripts/generate-z3-trampolines writes its Z3Functions.c.
        .target(name: "CZ3", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "SMT", dependencies: ["CZ3"]),
        .target(name: "Kripke"),
        // `__builtin_prefetch` for the visited table's lookups (a header; the .c file is empty).
        .target(name: "CPrefetch"),
        .target(name: "Explorer", dependencies: ["Kripke", "CPrefetch"]),
        .target(name: "Traces", dependencies: ["Kripke"]),
        .target(name: "Symbolic", dependencies: ["Kripke", "SMT"]),
        .target(name: "Verification", dependencies: ["Kripke", "Explorer", "Symbolic"]),
        .target(name: "Reports", dependencies: ["Kripke", "Traces"]),
        .target(name: "Lemmas", dependencies: ["Kripke", "Explorer", "Symbolic", "Verification"]),
        // Assertions for users' own tests: expectHolds / expectViolation, failing with the counterexample.
        .target(name: "KripkeTesting", dependencies: ["Kripke", "Explorer", "Verification", "Reports"]),
        .target(
            name: "Specs",
            dependencies: ["Kripke"],
            path: "Specs",
            swiftSettings: specSettings
        ),
        .target(
            name: "KripkeCLI",
            dependencies: [
                "Kripke", "Explorer", "Traces", "Symbolic", "SMT", "Verification", "Reports", "Lemmas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "kripke", dependencies: ["KripkeCLI", "Specs"]),
        // `kripke` plus specs with seeded mistakes, for the CLI's end-to-end tests.
        .executableTarget(name: "kripke-fixtures", dependencies: ["KripkeCLI", "Specs", "Kripke"], path: "Tests/Fixtures"),
        // Seeded random specs that the reductions of both engines are cross-checked on.
        .target(name: "KripkeTestSupport", dependencies: ["Kripke"], path: "Tests/Support"),
        .testTarget(name: "SMTTests", dependencies: ["SMT"]),
        .testTarget(name: "KripkeTests", dependencies: ["Kripke"]),
        .testTarget(name: "ExplorerTests", dependencies: ["Explorer", "Kripke", "KripkeTestSupport"]),
        .testTarget(name: "TracesTests", dependencies: ["Traces", "Explorer", "Kripke"]),
        .testTarget(name: "SymbolicTests", dependencies: ["Symbolic", "Verification", "Lemmas", "Explorer", "Specs", "Kripke", "SMT", "KripkeTestSupport"]),
        .testTarget(name: "KripkeTestingTests", dependencies: ["KripkeTesting", "Specs", "Kripke", "Explorer"]),
        .testTarget(name: "LemmasTests", dependencies: ["Lemmas", "Explorer", "Kripke"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Verification", "Explorer", "Symbolic", "Specs", "Traces", "Kripke", "KripkeTestSupport"]),
        .testTarget(name: "SpecsTests", dependencies: ["Specs", "Explorer", "Traces", "Kripke", "KripkeTestSupport"]),
        .testTarget(name: "KripkeCLITests", dependencies: ["kripke", "kripke-fixtures", "Traces"]),
    ],
    swiftLanguageModes: [.v6]
)
