import Foundation
import Synchronization
import TerminalNCurses

/// SIGINT, SIGTERM and SIGHUP asking a long-running command (`simulate`) to stop: the handler only records the
/// signal; the command's loop sees it, stops cleanly and exits.
enum StopSignals {
    /// The signals that stop the command.
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers (the previous ones are not restored: the process ends after the command), and unblocks
    /// the signals (``SignalMask/unblock(_:)``).
    static func install() {
        SignalMask.unblock(watched)
        for number in watched {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordStopSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// The first stop signal received, if any.
    static var received: Int32? {
        let number = stopSignal.load(ordering: .acquiring)
        return number == 0 ? nil : number
    }
}

/// The signal received (0 while none). An atomic, so the handler may write it on any thread.
private let stopSignal = Atomic<Int32>(0)

/// The signal handler: one atomic store, nothing else (async-signal-safe).
private func recordStopSignal(_ number: Int32) {
    _ = stopSignal.compareExchange(expected: 0, desired: number, ordering: .acquiringAndReleasing)
}
