/// A static group of transitions, the unit of footprints and of partial-order reduction: one
/// local action instance (action, process, choice), every delivery of one handler at one
/// receiver of a message from one sender (whatever its payload), or the network losing a
/// message from one sender to one receiver.
///
/// ```swift
/// let group = TransitionGroup.delivery(action: 2, receiver: 1, sender: 0)
/// ```
public enum TransitionGroup: Hashable, Sendable {
    case local(action: Int, process: Int, choice: Int)
    case delivery(action: Int, receiver: Int, sender: Int)
    case loss(sender: Int, receiver: Int)

    /// Every group of the spec: local instances, then deliveries, then (lossy networks) losses.
    public static func all(_ ir: SpecIR) -> [TransitionGroup] {
        var groups: [TransitionGroup] = []
        let processes = 0..<ir.processCount
        for (index, action) in ir.actions.enumerated() {
            let actors = IterationDomain.role(action.role).values(roles: ir.roles)
            switch action.trigger {
            case .local:
                let choices = action.choiceCodes(roles: ir.roles)
                for process in actors {
                    for choice in choices { groups.append(.local(action: index, process: process, choice: choice)) }
                }
            case .message:
                for receiver in actors {
                    for sender in processes { groups.append(.delivery(action: index, receiver: receiver, sender: sender)) }
                }
            }
        }
        if ir.network.lossy {
            for sender in processes {
                for receiver in processes { groups.append(.loss(sender: sender, receiver: receiver)) }
            }
        }
        return groups
    }
}
