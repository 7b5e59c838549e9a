import Kripke

/// One thing a step can do, as the step selector names it: a local action of a process (with its
/// choice), a handler delivering one message (sender, receiver, code), or — on a lossy network —
/// the network losing one message (a FIFO loss names the queue position; the code is read from
/// the state). Mirrors the explorer's `ActionInstance`.
///
/// ```swift
/// let instances = SymbolicInstance.all(ir, layout: layout, catalog: catalog)
/// ```
struct SymbolicInstance {
    enum Kind {
        case local(choice: Int)
        case delivery(MessageKey)
        case loss(MessageKey)
        case fifoLoss(channel: Int, position: Int)
    }
    /// Index into `ir.actions`; `nil` for a loss.
    let action: Int?
    let process: Int
    let kind: Kind

    static func all(_ ir: SpecIR, layout: SymbolicLayout, catalog: MessageNumbering) -> [SymbolicInstance] {
        var instances: [SymbolicInstance] = []
        for (index, action) in ir.actions.enumerated() {
            let role = ir.roles[action.role.index]
            switch action.trigger {
            case .local:
                let choices = action.choiceCodes(roles: ir.roles)
                for process in IterationDomain.role(action.role).values(roles: ir.roles) {
                    for choice in choices {
                        instances.append(SymbolicInstance(action: index, process: process, kind: .local(choice: choice)))
                    }
                }
            case .message(let kind, _):
                for key in layout.keys where catalog.kind(of: key.code) == kind.index && role.contains(key.receiver) {
                    instances.append(SymbolicInstance(action: index, process: key.receiver, kind: .delivery(key)))
                }
            }
        }
        guard ir.network.lossy else { return instances }
        switch layout.semantics {
        case .unordered:
            for key in layout.keys {
                instances.append(SymbolicInstance(action: nil, process: key.receiver, kind: .loss(key)))
            }
        case .fifo:
            for (channel, pair) in layout.channels.enumerated() {
                for position in 0..<layout.capacity {
                    instances.append(SymbolicInstance(action: nil, process: pair.receiver,
                                                      kind: .fifoLoss(channel: channel, position: position)))
                }
            }
        }
        return instances
    }
}
