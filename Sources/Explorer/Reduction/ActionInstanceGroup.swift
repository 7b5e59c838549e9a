import Kripke

extension DependencyRelation {
    /// The group an explorer action instance belongs to (the engine-neutral numbering of
    /// `TransitionGroup.all`).
    ///
    /// ```swift
    /// let g = relation.group(of: instance)
    /// if relation.visible[g] { /* the step may change an invariant's truth */ }
    /// ```
    func group(of instance: ActionInstance) -> Int {
        if instance.action == TransitionSystem.lossAction { return loss(sender: instance.sender, receiver: instance.process) }
        if instance.sender >= 0 { return delivery(action: instance.action, receiver: instance.process, sender: instance.sender) }
        return local(action: instance.action, process: instance.process, choice: instance.choice)
    }
}
