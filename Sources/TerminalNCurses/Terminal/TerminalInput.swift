import ConsoleCore

/// What ``NCursesTerminal/nextInput(timeout:)`` waited for.
public enum TerminalInput: Sendable, Hashable {
    /// A key press.
    case key(Key)
    /// The terminal changed size; this is the new size. Render and ``NCursesTerminal/draw(_:)`` again.
    case resize(TerminalSize)
    /// SIGINT, SIGTERM or SIGHUP arrived (SIGHUP also when the terminal went away).
    /// Call ``NCursesTerminal/stop()`` and end.
    case signal(Int32)
    /// Someone called ``TerminalWaker/wake()``: results are waiting for the loop.
    case wake
}
