import Kripke

/// An ITF trace file as read: one of Kripke's (with its actions, processes and messages), or one
/// another tool wrote (Apalache, Quint), which Kripke can show but not replay.
///
/// ```swift
/// switch try ITF.read(JSONValue.parse(text)) {
/// case .kripke(let trace): print(TextTraceFormatter().format(trace))
/// case .foreign(let trace): print(ForeignTraceFormatter().format(trace))
/// }
/// ```
public enum ITFDocument: Sendable, Equatable {
    case kripke(Trace)
    case foreign(ForeignTrace)
}

extension ITF {
    /// Whether `document` was written by Kripke (its `#meta` says `"source": "kripke"`).
    public static func isKripkeTrace(_ document: JSONValue) -> Bool {
        document["#meta"]?["source"] == .string("kripke")
    }

    /// Reads any ITF trace: Kripke's as a `Trace`, any other as a `ForeignTrace`.
    public static func read(_ document: JSONValue) throws(ITFError) -> ITFDocument {
        isKripkeTrace(document) ? .kripke(try decode(document)) : .foreign(try ForeignTrace(document))
    }
}
