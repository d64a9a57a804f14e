/// Why the dashboard could not take over the terminal, said so that an operator knows what to do.
///
/// When ``NCursesTerminal/init(options:)`` throws, the terminal is left exactly as it was.
public enum TerminalError: Error, Hashable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, a CI job).
    case notATerminal(stream: String)
    /// ncurses does not know the terminal type in `TERM` (or `TERM` is not set).
    case unknownTerminalType(term: String?)
    /// The file meant to receive standard error could not be opened.
    case cannotOpenLog(path: String, reason: String)
    /// A system call needed to watch input or signals failed.
    case systemCall(name: String, reason: String)

    /// What is wrong and what to do, in one or two sentences.
    public var description: String {
        switch self {
        case .notATerminal(let stream):
            "The dashboard needs a terminal, but standard \(stream) is not one (a pipe, a file or a CI job). "
                + "Use the command-line subcommands (runs, approvals, nodes...) in scripts."
        case .unknownTerminalType(let term):
            if let term, !term.isEmpty {
                "This system does not know the terminal type TERM=\(term). "
                    + "Set TERM to a known type (for example xterm-256color, screen or linux) or install its terminfo entry."
            } else {
                "TERM is not set, so the terminal type is unknown. Set TERM (for example TERM=xterm-256color) and try again."
            }
        case .cannotOpenLog(let path, let reason):
            "Cannot open the log file \(path) for the dashboard's messages: \(reason). "
                + "Choose a writable path or create its folder."
        case .systemCall(let name, let reason):
            "The dashboard could not set up the terminal (\(name) failed: \(reason)). "
                + "Check the process's open-file limit, or use the command-line subcommands."
        }
    }
}
