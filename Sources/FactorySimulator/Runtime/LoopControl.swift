import Foundation
import Synchronization

/// Runs async work to completion from synchronous code that is not on the concurrency pool (the main thread, a
/// command), and returns its result.
func blocking<T: Sendable, E: Error>(_ work: @escaping @Sendable () async throws(E) -> T) throws(E) -> T {
    let result = Mutex<Result<T, E>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let outcome: Result<T, E>
        do throws(E) {
            outcome = .success(try await work())
        } catch {
            outcome = .failure(error)
        }
        result.withLock { $0 = outcome }
        done.signal()
    }
    done.wait()
    return try result.withLock { $0! }.get()
}

/// The handshake between the simulation's thread and the code that started it.
final class LoopControl: Sendable {
    private struct State {
        var stopping = false
        var status = LiveSimulation.Status(now: Date(), totals: [:], trouble: nil)
    }

    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)
    private let firstStep = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let firstSignalled = Mutex(false)

    func update(_ status: LiveSimulation.Status) { state.withLock { $0.status = status } }
    func status() -> LiveSimulation.Status { state.withLock { $0.status } }

    func firstStepDone() {
        let first = firstSignalled.withLock { signalled in
            defer { signalled = true }
            return !signalled
        }
        if first { firstStep.signal() }
    }

    func waitForFirstStep() { firstStep.wait() }

    /// Sleeps `seconds` or until a stop is asked; returns whether to go on.
    func wait(seconds: Double) -> Bool {
        if state.withLock({ $0.stopping }) { return false }
        _ = wakeUp.wait(timeout: .now() + seconds)
        return !state.withLock { $0.stopping }
    }

    func requestStop() {
        let first = state.withLock { current in
            defer { current.stopping = true }
            return !current.stopping
        }
        if first { wakeUp.signal() }
    }

    func finished() { done.signal() }

    /// Waits for the thread to end (once; later calls return at once).
    func waitUntilFinished() {
        let first = finishWaited.withLock { waited in
            defer { waited = true }
            return !waited
        }
        if first { done.wait() }
    }

    private let finishWaited = Mutex(false)
}
