/// A message in the network of the state being expanded, decoded once: where it sits, who sent
/// it to whom, its code and kind, and whether a handler may take it (`deliverable`: the head of
/// its FIFO channel, or the first of equal entries in the bag; equal entries give equal
/// successors).
///
/// ```swift
/// for message in machine.inFlight where message.deliverable && message.kind == kind { … }
/// ```
struct MessageInFlight {
    var slot: Int
    var sender: Int
    var receiver: Int
    var code: Int
    var kind: Int
    var deliverable: Bool
}
