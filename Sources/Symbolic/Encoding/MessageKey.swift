import Kripke

/// A message in flight between two processes: what a network counter (unordered) or a channel
/// entry (FIFO) counts.
///
/// ```swift
/// let key = MessageKey(sender: 0, receiver: 1, code: 3)
/// ```
struct MessageKey: Hashable, Comparable {
    let sender: Int
    let receiver: Int
    let code: Int

    static func < (a: MessageKey, b: MessageKey) -> Bool {
        (a.sender, a.receiver, a.code) < (b.sender, b.receiver, b.code)
    }
}
