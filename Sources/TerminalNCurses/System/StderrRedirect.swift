import Glibc

/// Sends standard error (fd 2) to a log file while the dashboard is on screen, so that no
/// message scribbles over it, and puts it back afterwards.
final class StderrRedirect {
    private var savedStderr: Int32

    /// Opens `path` (append, create with mode 0600; `/dev/null` when `nil`) and makes it fd 2.
    init(path: String?) throws(TerminalError) {
        let target = path ?? "/dev/null"
        let log = open(target, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard log >= 0 else {
            throw TerminalError.cannotOpenLog(path: target, reason: String(cString: strerror(errno)))
        }
        defer { close(log) }
        let saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
        guard saved >= 0 else {
            throw TerminalError.systemCall(name: "dup(2)", reason: String(cString: strerror(errno)))
        }
        fflush(nil)
        guard dup2(log, STDERR_FILENO) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(saved)
            throw TerminalError.systemCall(name: "dup2", reason: reason)
        }
        savedStderr = saved
    }

    /// Puts the original standard error back. Idempotent.
    func restore() {
        guard savedStderr >= 0 else { return }
        fflush(nil)
        dup2(savedStderr, STDERR_FILENO)
        close(savedStderr)
        savedStderr = -1
    }

    deinit {
        restore()
    }
}
