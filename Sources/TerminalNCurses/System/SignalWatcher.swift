import Glibc
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into bytes on a self-pipe, so that the loop ends the
/// dashboard itself (``NCursesTerminal/stop()`` from the loop's thread, never in a handler).
///
/// ncurses restores the terminal on SIGINT and SIGTERM, but not on SIGHUP (a dropped SSH link).
/// Installed before ncurses starts, these handlers also keep ncurses' own SIGINT and SIGTERM
/// handlers out. SIGWINCH (resize) and SIGTSTP (Ctrl-Z) stay with ncurses.
///
/// The handler only sends the signal number to the self-pipe (`send(2)` is async-signal-safe),
/// whichever thread the signal lands on. Why not a Dispatch signal source: on Linux, libdispatch
/// installs its own handler only when the first source for a signal registers (asynchronously,
/// so a signal right after start-up is lost while the disposition is still `SIG_IGN`), and
/// never again in the process; restoring the previous disposition in ``cancel()`` would then
/// leave a second dashboard session deaf to signals.
///
/// One watcher at a time (one terminal at a time).
final class SignalWatcher {
    /// The signals watched.
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Receives one byte per signal: its number.
    let channel: SelfPipe
    /// The dispositions found at start, restored by ``cancel()``.
    private var previous: [(signal: Int32, action: sigaction)] = []

    /// Installs the handlers. Call before ncurses starts, so that it leaves these signals alone.
    init() throws(TerminalError) {
        channel = try SelfPipe()
        signalSocket.store(channel.writeEnd, ordering: .releasing)
        SignalMask.unblock(Self.watched)
        for signalNumber in Self.watched {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = forwardSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var old = sigaction()
            guard sigaction(signalNumber, &action, &old) == 0 else {
                let reason = String(cString: strerror(errno))
                cancel()
                throw TerminalError.systemCall(name: "sigaction", reason: reason)
            }
            previous.append((signalNumber, old))
        }
    }

    /// The first signal waiting, if any (the others are dropped: the loop ends on the first).
    func take() -> Int32? {
        channel.drain().first { $0 != 0 }.map(Int32.init)
    }

    /// Restores the dispositions found at start. Idempotent.
    func cancel() {
        for (signalNumber, action) in previous.reversed() {
            var restored = action
            _ = sigaction(signalNumber, &restored, nil)
        }
        previous.removeAll()
        _ = signalSocket.compareExchange(expected: channel.writeEnd, desired: -1, ordering: .acquiringAndReleasing)
    }

    deinit {
        cancel()
    }
}

/// The self-pipe end the signal handler writes to; -1 when no watcher is active.
/// An atomic, so that the handler reads it safely on any thread.
private let signalSocket = Atomic<Int32>(-1)

/// The signal handler: sends the signal number to the active watcher's self-pipe. Only an
/// atomic load and `send(2)`: no allocation, no lock.
private func forwardSignal(_ signalNumber: Int32) {
    let socket = signalSocket.load(ordering: .acquiring)
    guard socket >= 0 else { return }
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signalNumber)
    _ = send(socket, &byte, 1, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
    errno = savedErrno
}
