// swift-tools-version:6.0
import PackageDescription

/// A user's own package: a spec and its buggy variant, a `kripke` of its own that knows them, and
/// tests written with KripkeTesting. It depends on Kripke by path; `../Kripke` is a link to the
/// repository's root, so the dependency is called `Kripke` wherever the repository was cloned (a
/// path dependency is named after its folder). Outside this repository, depend on Kripke by URL:
/// `.package(url: "https://…/kripke.git", from: "0.1.0")`.
let package = Package(
    name: "LockServer",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../Kripke")],
    targets: [
        .target(name: "LockSpecs", dependencies: [.product(name: "Kripke", package: "Kripke")]),
        .executableTarget(name: "lock-kripke", dependencies: [
            "LockSpecs",
            .product(name: "KripkeCLI", package: "Kripke"),
            .product(name: "Specs", package: "Kripke"),
        ]),
        .testTarget(name: "LockSpecsTests", dependencies: [
            "LockSpecs",
            .product(name: "KripkeTesting", package: "Kripke"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
