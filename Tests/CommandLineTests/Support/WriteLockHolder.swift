import Foundation
import GRDB

/// A second connection that holds the store's write lock (`BEGIN IMMEDIATE`) on its own thread until released
/// (or `atMost` seconds pass), so that whoever waits for it runs into the busy timeout however loaded the machine.
final class WriteLockHolder: Sendable {
    private let release = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    /// Returns once the lock is held.
    init(path: String, atMost seconds: TimeInterval = 30) throws {
        let queue = try DatabaseQueue(path: path)
        let held = DispatchSemaphore(value: 0)
        let (release, done) = (self.release, self.done)
        Thread {
            try? queue.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                held.signal()
                _ = release.wait(timeout: .now() + seconds)
                try db.execute(sql: "ROLLBACK")
            }
            try? queue.close()
            done.signal()
        }.start()
        held.wait()
    }

    /// Lets the lock go and waits until it is gone (off the concurrency pool).
    func released() async {
        release.signal()
        let done = self.done
        _ = try? await offPool { done.wait() }
    }
}
