/// A property name given to `--invariant` that the spec does not declare: the nearest names,
/// then every property the spec has.
///
/// ```swift
/// throw UnknownProperty(name: "unique leadr", spec: "chang-roberts", known: ["unique leader"])
/// // no property 'unique leadr' in chang-roberts. Did you mean 'unique leader'? Its properties: …
/// ```
struct UnknownProperty: Error, CustomStringConvertible {
    let name: String
    let spec: String
    let known: [String]

    var description: String {
        let nearest = NearestNames.closest(to: name, among: known)
        let suggestion = nearest.isEmpty ? "" : " Did you mean " + nearest.map { "'\($0)'" }.joined(separator: " or ") + "?"
        let list = known.isEmpty ? "none" : known.map { "'\($0)'" }.joined(separator: ", ")
        return "no property '\(name)' in \(spec).\(suggestion) Its properties: \(list)."
    }
}
