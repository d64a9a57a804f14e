import Foundation
import Synchronization

/// One simulator per store: an exclusive `flock` on `<store>.runtime.lock`, held while a simulator plays the
/// store's runtime. The file also says where that simulator's registry listens, so a second `demo` on the same
/// store opens a dashboard on the running simulator instead of starting another one.
///
/// The system drops the lock when the process ends, however it ends: a crashed simulator never blocks the next.
public final class RuntimeLock: Sendable {
    /// Who holds a store's lock.
    public struct Holder: Sendable, Equatable {
        /// The holder's process id.
        public var pid: Int32?
        /// Its registry's base URL, once it listens.
        public var registryURL: String?
    }

    /// The lock file's path.
    public let path: String
    private let descriptor: Mutex<Int32>

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    /// The lock file of the store at `storePath`.
    public static func path(forStore storePath: String) -> String { storePath + ".runtime.lock" }

    /// Takes the store's lock, or throws ``SimulatorError`` of kind `alreadyRunning` naming who holds it.
    public static func acquire(storePath: String) throws(SimulatorError) -> RuntimeLock {
        let path = path(forStore: storePath)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw SimulatorError(.store, "Cannot open the simulator's lock file \(path): \(String(cString: strerror(errno))).")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            let pid = holder(storePath: storePath)?.pid.map { " (process \($0))" } ?? ""
            throw SimulatorError(
                .alreadyRunning,
                "Another simulator\(pid) already plays the runtime of \(storePath); stop it first, or open a dashboard "
                    + "on it with `fusion-console demo --store \(storePath)`."
            )
        }
        let lock = RuntimeLock(path: path, descriptor: fd)
        lock.record(registryURL: nil)
        return lock
    }

    /// Who holds the lock of the store at `storePath`, or nil when no simulator runs on it.
    public static func holder(storePath: String) -> Holder? {
        let path = path(forStore: storePath)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var holder = Holder()
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "pid": holder.pid = Int32(parts[1])
            case "registry" where parts[1].hasPrefix("http://127.") || parts[1].hasPrefix("http://[::1]"):
                holder.registryURL = parts[1]
            default: continue
            }
        }
        return holder
    }

    /// Writes who holds the lock and where its registry listens.
    public func record(registryURL: String?) {
        let text = "pid=\(getpid())\n" + (registryURL.map { "registry=\($0)\n" } ?? "")
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            _ = ftruncate(fd, 0)
            let bytes = Array(text.utf8)
            _ = pwrite(fd, bytes, bytes.count, 0)
        }
    }

    /// Lets the lock go. Idempotent.
    public func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            _ = ftruncate(fd, 0)
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    deinit {
        release()
    }
}
