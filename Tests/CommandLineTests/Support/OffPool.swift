import Foundation

/// Runs blocking work (a child process, a lock held, a wait on threads) on a thread of its own and awaits it, so
/// that a test waiting on it does not hold one of the few threads of Swift's concurrency pool (two on a
/// two-core machine), which other tests' async servers need meanwhile.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

extension CLI {
    /// ``run(_:environment:prefix:)`` off the concurrency pool.
    static func running(_ arguments: [String], environment: [String: String], prefix: [String] = []) async throws -> Result {
        try await offPool { try run(arguments, environment: environment, prefix: prefix) }
    }
}
