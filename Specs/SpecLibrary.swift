import Kripke

/// Every spec shipped with Kripke, in the order `kripke list` shows them.
///
/// ```swift
/// let spec = SpecLibrary.all.first { $0.name == "ricart-agrawala" }!
/// ```
public enum SpecLibrary {
    public static let all: [SpecDefinition] = [
        RicartAgrawala.correct,
        RicartAgrawala.tieBug,
    ]
}
