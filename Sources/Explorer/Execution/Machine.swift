import Kripke

/// The mutable context compiled actions run in: the working state, the bindings, the fields of
/// the message being handled, and what went wrong in the current step.
///
/// One machine per search worker; it is reused for every step, so no allocation happens per state.
///
/// ```swift
/// let machine = Machine(slotCount: layout.slotCount, bindingCount: ir.bindingCount, fieldCount: 4)
/// machine.beginStep()
/// let ok = body(machine)   // false: disabled, overflowed or faulted
/// ```
final class Machine {
    // One thread uses a machine at a time (one per worker), so the hot fields below skip Swift's
    // dynamic exclusivity checks, which cost a few per cent of every step.
    private let leadingPadding = CacheLinePadding()
    let state: UnsafeMutablePointer<Int>
    let bindings: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) var fields: UnsafeMutablePointer<Int>
    private let writeStamps: UnsafeMutablePointer<Int>
    private let slotCount: Int
    private let fieldCount: Int
    @exclusivity(unchecked) private var step = 0
    /// Set when a step hits a modelling error (value outside its domain, double write, …).
    @exclusivity(unchecked) var fault: String?
    /// Set when a send found its channel (or the bag) full.
    @exclusivity(unchecked) var overflowed = false
    /// The index (in `SpecIR.assertions`) of the first assertion the current step failed; -1: none.
    @exclusivity(unchecked) var failedAssertion = -1
    /// Whether the working state differs from the state last loaded (a step wrote to it).
    @exclusivity(unchecked) var dirty = false
    /// Reusable buffer for the messages in flight in the state being expanded (each decoded once,
    /// not once per handler).
    @exclusivity(unchecked) var inFlight: [MessageInFlight] = []
    /// When not nil, the messages the current step sent (reset by each step): how traces learn
    /// exactly what a step sent. Nil during the search.
    @exclusivity(unchecked) var sentLog: [RawMessage]?
    private let trailingPadding = CacheLinePadding()

    init(slotCount: Int, bindingCount: Int, fieldCount: Int) {
        self.slotCount = slotCount
        self.fieldCount = max(fieldCount, 1)
        state = WorkerMemory.allocate(count: slotCount, initializedTo: 0)
        bindings = WorkerMemory.allocate(count: bindingCount, initializedTo: 0)
        fields = WorkerMemory.allocate(count: self.fieldCount, initializedTo: 0)
        writeStamps = WorkerMemory.allocate(count: slotCount, initializedTo: 0)
    }

    deinit {
        WorkerMemory.deallocate(state)
        WorkerMemory.deallocate(bindings)
        WorkerMemory.deallocate(fields)
        WorkerMemory.deallocate(writeStamps)
    }

    /// Loads `source` as the working state and starts a new step.
    func load(_ source: UnsafePointer<Int>) {
        state.update(from: source, count: slotCount)
        dirty = false
        beginStep()
    }

    /// Starts a new step from `source`, which must be the state last loaded: copies it back only
    /// if the previous step wrote to the working state (most action instances are disabled by
    /// their first guard and write nothing).
    func reload(_ source: UnsafePointer<Int>) {
        if dirty {
            state.update(from: source, count: slotCount)
            dirty = false
        }
        beginStep()
    }

    func beginStep() {
        step += 1
        fault = nil
        overflowed = false
        failedAssertion = -1
        if sentLog != nil { sentLog = [] }
    }

    /// Records a write of `slot`; false (with a fault) if the slot was already written this step.
    @inline(__always)
    func markWritten(_ slot: Int, name: String) -> Bool {
        if writeStamps[slot] == step { return writtenTwice(name) }
        writeStamps[slot] = step
        dirty = true
        return true
    }

    /// The fault of a second write (kept out of line: assignments inline the check).
    @inline(never)
    private func writtenTwice(_ name: String) -> Bool {
        fault = "variable '\(name)' is written twice in one step"
        return false
    }

    /// Runs `body` with a scratch field buffer, restoring the handler's fields afterwards.
    func withScratchFields<R>(_ body: () -> R) -> R {
        let saved = fields
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: fieldCount)
        scratch.initialize(repeating: 0, count: fieldCount)
        fields = scratch
        defer {
            fields = saved
            scratch.deallocate()
        }
        return body()
    }
}
