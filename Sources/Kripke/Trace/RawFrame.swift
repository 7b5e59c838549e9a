/// A state as the engines hold it, before any naming: the value of every variable cell (numbered
/// by ``VariableCells``) and the messages in flight (codes of ``MessageNumbering`` between process
/// ids). Both engines produce it; ``TraceNamer`` names it; lemma mining and replay read it without
/// turning display values back into raw ones.
///
/// ```swift
/// let frame = RawFrame(cells: [0, 1], network: .unordered([RawMessage(sender: 0, receiver: 1, code: 3)]))
/// let state = TraceNamer(ir).state(frame)
/// ```
public struct RawFrame: Hashable, Sendable {
    public let cells: [Int]
    public let network: RawNetwork

    /// The frame with its network in canonical order (so equal frames compare equal): messages in
    /// flight ascending by (sender, receiver, code); FIFO channels ascending by (sender, receiver),
    /// empty ones left out.
    public init(cells: [Int], network: RawNetwork) {
        self.cells = cells
        switch network {
        case .unordered(let messages):
            self.network = .unordered(messages.sorted { ($0.sender, $0.receiver, $0.code) < ($1.sender, $1.receiver, $1.code) })
        case .fifo(let channels):
            self.network = .fifo(channels.filter { !$0.codes.isEmpty }.sorted { ($0.sender, $0.receiver) < ($1.sender, $1.receiver) })
        }
    }

    /// Every message in flight (FIFO queues head first, channel after channel).
    public var messages: [RawMessage] {
        switch network {
        case .unordered(let messages): messages
        case .fifo(let channels): channels.flatMap { channel in
            channel.codes.map { RawMessage(sender: channel.sender, receiver: channel.receiver, code: $0) }
        }
        }
    }
}

/// A network's raw contents (a ``RawFrame`` keeps them in canonical order).
///
/// ```swift
/// let empty = RawNetwork.fifo([])
/// ```
public enum RawNetwork: Hashable, Sendable {
    /// The messages in flight, a multiset: a message twice in flight appears twice.
    case unordered([RawMessage])
    /// Each channel's queue.
    case fifo([RawChannel])
}

/// A message in flight: its code (``MessageNumbering``: kind and payload) from `sender` to `receiver`.
///
/// ```swift
/// let request = RawMessage(sender: 0, receiver: 1, code: numbering.code(kind: 0, fields: [2])!)
/// ```
public struct RawMessage: Hashable, Sendable {
    public let sender: Int
    public let receiver: Int
    public let code: Int

    public init(sender: Int, receiver: Int, code: Int) {
        self.sender = sender
        self.receiver = receiver
        self.code = code
    }
}

/// A FIFO channel and its queue of message codes, head first.
///
/// ```swift
/// let channel = RawChannel(sender: 0, receiver: 1, codes: [3, 3])
/// ```
public struct RawChannel: Hashable, Sendable {
    public let sender: Int
    public let receiver: Int
    public let codes: [Int]

    public init(sender: Int, receiver: Int, codes: [Int]) {
        self.sender = sender
        self.receiver = receiver
        self.codes = codes
    }
}
