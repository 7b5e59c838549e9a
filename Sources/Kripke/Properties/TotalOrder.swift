/// Every two processes of `role` deliver the messages they both delivered in the same order.
/// Messages are named by a process of `messages` (e.g. their sender); `position(i, m)` is the
/// place at which `i` delivered `m`, counting from 1, or 0 while `i` has not delivered it
/// (typically ghost variables).
///
/// ```swift
/// let position = s.variable("position", per: procs, procs, in: .range(0...3), initial: 0, ghost: true)
/// s.check(TotalOrder(procs, messages: procs) { i, m in position[i, m] })
/// ```
public func TotalOrder(_ role: Role, messages: Role,
                       position: (Term<ProcessID>, Term<ProcessID>) -> Term<Int>) -> Property {
    let condition = ForAll(role) { i in
        ForAll(role) { j in
            ForAll(messages) { a in
                ForAll(messages) { b in
                    let atI = position(i, a) > 0 && position(i, b) > 0
                    let atJ = position(j, a) > 0 && position(j, b) > 0
                    let orderAtI = position(i, a) < position(i, b)
                    let orderAtJ = position(j, a) < position(j, b)
                    return (atI && atJ).implies(orderAtI == orderAtJ)
                }
            }
        }
    }
    return Property("total order", condition)
}
