import CNCursesW
import ConsoleCore
import Glibc

extension NCursesTerminal {
    /// The longest single `poll(2)`: a resize whose SIGWINCH reached another thread (so the wait
    /// was not interrupted) is still seen this soon.
    static let pollSlice: Duration = .milliseconds(250)
    /// Readable-but-empty reads in a row after which standard input is taken as closed.
    static let emptyReadLimit = 16

    /// Waits for the next input, at most `timeout` (`nil`: as long as it takes).
    ///
    /// Waits with `poll(2)` on standard input, the ``waker`` and the signal pipe, and returns:
    /// - ``TerminalInput/signal(_:)`` first when SIGINT, SIGTERM or SIGHUP arrived, and SIGHUP
    ///   when standard input closed (the terminal went away);
    /// - ``TerminalInput/key(_:)`` for a key (wide characters decoded by `wget_wch`, see below);
    /// - ``TerminalInput/resize(_:)`` with the new size when the terminal was resized;
    /// - ``TerminalInput/wake`` after ``TerminalWaker/wake()`` (several wakes make one);
    /// - `nil` when `timeout` passed (and at once after ``stop()``).
    ///
    /// Keys: arrows, Page Up/Down, Home/End, Delete, F1–F12, Shift-Tab (`.backTab`); Enter
    /// (10, 13, `KEY_ENTER`), Tab (9), Backspace (8, 127, `KEY_BACKSPACE`), Esc (27), Ctrl plus
    /// a letter (`.control("l")`); printable characters. Esc alone arrives after the escape
    /// delay (``TerminalOptions/escapeDelay``). Alt plus a character (sent as Esc and the
    /// character at once) is ignored: no Alt key is bound, and Alt-q must not read as Esc then q.
    /// An escape sequence ncurses does not know is dropped whole (see
    /// ``KeyDecoding/resolveEscape(followedBy:)``).
    public func nextInput(timeout: Duration?) -> TerminalInput? {
        guard isActive else { return nil }
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }
        var stdinClosed = false
        var stdinReadable = false
        while true {
            if let signal = signals.take() { return .signal(signal) }
            if let input = readInput() {
                emptyReads = 0
                return input
            }
            if stdinReadable {
                emptyReads += 1
                if emptyReads >= Self.emptyReadLimit { stdinClosed = true }
            }
            if stdinClosed { return .signal(SIGHUP) }
            if !waker.channel.drain().isEmpty { return .wake }

            var wait = Self.pollSlice
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                if remaining <= .zero { return nil }
                wait = min(wait, remaining)
            }
            var watched = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: waker.channel.readEnd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals.channel.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&watched, nfds_t(watched.count), Int32(clamping: Self.milliseconds(wait)))
            let stdinEvents = ready > 0 ? Int32(watched[0].revents) : 0
            stdinReadable = stdinEvents & Int32(POLLIN) != 0
            stdinClosed = stdinEvents & Int32(POLLHUP | POLLERR | POLLNVAL) != 0
        }
    }

    /// The next key or resize ncurses has, without waiting; `nil` when there is none.
    private func readInput() -> TerminalInput? {
        while let raw = nextRawKey() {
            switch KeyDecoding.decode(raw) {
            case .ignored:
                continue
            case .resize:
                return .resize(size)
            case .key(.escape):
                switch KeyDecoding.resolveEscape(followedBy: readRawKey()) {
                case .escape(let keep):
                    pendingKey = keep
                    return .key(.escape)
                case .dropAltCharacter:
                    continue
                case .dropSequence(var sequence):
                    while !sequence.isComplete, let next = readRawKey() {
                        if !sequence.take(next) { pendingKey = next }
                    }
                }
            case .key(let key):
                return .key(key)
            }
        }
        return nil
    }

    /// The key kept after an Esc, else the next one from ncurses.
    private func nextRawKey() -> RawKey? {
        if let pending = pendingKey {
            pendingKey = nil
            return pending
        }
        return readRawKey()
    }

    /// One `wget_wch` without waiting (stdscr is in `nodelay` mode); `nil` on ERR.
    private func readRawKey() -> RawKey? {
        var value: wint_t = 0
        let result = fc_get_wch(&value)
        if result == fc_key_code_yes() { return .code(Int32(bitPattern: value)) }
        if result == fc_result_ok() { return .character(UInt32(value)) }
        return nil
    }
}
