import ConsoleCore
import Synchronization
import TerminalNCurses

/// Where slow work (store reads, actions, registry polls) leaves its results for the UI loop, and wakes it.
final class EventInbox: Sendable {
    private let events = Mutex<[ConsoleEvent]>([])
    private let waker: TerminalWaker

    init(waker: TerminalWaker) {
        self.waker = waker
    }

    /// Leaves an event for the loop (from any thread) and wakes it.
    func post(_ event: ConsoleEvent) {
        events.withLock { $0.append(event) }
        waker.wake()
    }

    /// Takes every event left so far, oldest first.
    func drain() -> [ConsoleEvent] {
        events.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }
}
