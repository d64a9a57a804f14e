import Dispatch
import Foundation
import Synchronization

/// Polls a registry on its own thread at a fixed interval, backing off exponentially while it fails,
/// and hands every new ``RegistryState`` to the console.
///
/// The fetch runs on a dedicated thread, not in Swift's cooperative pool: libcurl blocks for up to
/// the total timeout, and with two cores a blocked pool thread would starve the UI. The UI never
/// waits for the registry; it reads ``state`` (a copy, under a lock) or receives updates.
///
/// ## Concurrency
/// All mutable state sits in one `Mutex`; the class is `Sendable` without unchecked claims.
/// Callbacks run on the poller's thread; hop to your own loop from there.
public final class RegistryPoller: Sendable {
    /// Seconds between polls while they succeed.
    public let interval: TimeInterval
    /// The longest wait between polls while they fail.
    public let maxBackoff: TimeInterval

    private let client: any RegistryClient
    private let now: @Sendable () -> Date
    private let onUpdate: (@Sendable (RegistryState) -> Void)?
    private let wake = DispatchSemaphore(value: 0)
    private let shared: Mutex<Shared>

    private struct Shared {
        var state: RegistryState
        var started = false
        var stopped = false
        var streams: [Int: AsyncStream<RegistryState>.Continuation] = [:]
        var nextStreamID = 0
    }

    /// Creates a poller; call ``start()`` to begin.
    ///
    /// - Parameters:
    ///   - interval: seconds between polls (the config's refresh interval), at least 0.05.
    ///   - maxBackoff: the longest wait while polls fail (60 s by default).
    ///   - historyCapacity: values kept per sparkline.
    ///   - now: the clock (tests may pass their own).
    ///   - onUpdate: called on the poller's thread after every poll with the new state.
    public init(
        client: any RegistryClient, interval: TimeInterval, maxBackoff: TimeInterval = 60, historyCapacity: Int = 60,
        now: @escaping @Sendable () -> Date = Date.init, onUpdate: (@Sendable (RegistryState) -> Void)? = nil
    ) {
        self.client = client
        self.interval = max(0.05, interval)
        self.maxBackoff = max(self.interval, maxBackoff)
        self.now = now
        self.onUpdate = onUpdate
        shared = Mutex(Shared(state: RegistryState(source: client.source, historyCapacity: historyCapacity)))
    }

    /// The current state (a copy). Never blocks on the network.
    public var state: RegistryState { shared.withLock { $0.state } }

    /// Starts polling at once, on a new thread. Calling it again does nothing.
    public func start() {
        let shouldStart = shared.withLock { shared -> Bool in
            guard !shared.started, !shared.stopped else { return false }
            shared.started = true
            return true
        }
        guard shouldStart else { return }
        let thread = Thread { [self] in run() }
        thread.name = "fusion-registry-poller"
        thread.start()
    }

    /// Stops polling. A fetch under way finishes (bounded by the total timeout) but its result is
    /// dropped; streams from ``states()`` end. Cannot be restarted.
    public func stop() {
        let streams = shared.withLock { shared in
            shared.stopped = true
            defer { shared.streams = [:] }
            return Array(shared.streams.values)
        }
        for stream in streams { stream.finish() }
        wake.signal()
    }

    /// Polls now instead of waiting for the interval or the backoff (e.g. the operator pressed `r`).
    public func pollNow() {
        wake.signal()
    }

    /// A stream of states, the current one first, then one per poll. Ends when the poller stops.
    /// A slow reader only misses intermediate states, never the newest.
    public func states() -> AsyncStream<RegistryState> {
        let (stream, continuation) = AsyncStream.makeStream(of: RegistryState.self, bufferingPolicy: .bufferingNewest(1))
        let current: RegistryState? = shared.withLock { shared in
            guard !shared.stopped else { return nil }
            let id = shared.nextStreamID
            shared.nextStreamID += 1
            shared.streams[id] = continuation
            continuation.onTermination = { [weak self] _ in
                _ = self?.shared.withLock { $0.streams.removeValue(forKey: id) }
            }
            return shared.state
        }
        if let current { continuation.yield(current) } else { continuation.finish() }
        return stream
    }

    /// The wait after `failures` failed polls in a row: the interval when none, then
    /// `interval × 2^failures`, never more than `maxBackoff`.
    public static func delay(afterFailures failures: Int, interval: TimeInterval, maxBackoff: TimeInterval) -> TimeInterval {
        guard failures > 0 else { return interval }
        let factor = pow(2, Double(min(failures, 30)))
        return min(maxBackoff, interval * factor)
    }

    /// Runs one poll on the calling thread and publishes the result. `run()` calls it in a loop;
    /// tests may call it directly instead of ``start()``.
    @discardableResult
    public func pollOnce() -> RegistryState {
        let attemptAt = now()
        let previous = shared.withLock { $0.state.lastGood }
        let result: Result<RegistrySnapshot?, RegistryError>
        do {
            result = .success(try client.fetchNodes(unlessUnchangedSince: previous))
        } catch {
            result = .failure(error)
        }
        let finishedAt = now()
        let (state, streams, stopped) = shared.withLock { shared in
            var state = shared.state
            state.lastAttemptAt = attemptAt
            switch result {
            case .success(let snapshot):
                // nil: the registry said nothing changed; the last sample stands, confirmed now.
                if let snapshot {
                    state.lastGood = snapshot
                    state.history.record(snapshot)
                    state.sampleNumber += 1
                }
                state.lastError = nil
                state.lastSuccessAt = finishedAt
                state.consecutiveFailures = 0
            case .failure(let error):
                state.lastError = error
                state.consecutiveFailures += 1
            }
            let wait = Self.delay(afterFailures: state.consecutiveFailures, interval: interval, maxBackoff: maxBackoff)
            state.nextAttemptAt = finishedAt.addingTimeInterval(wait)
            if !shared.stopped { shared.state = state }
            return (state, Array(shared.streams.values), shared.stopped)
        }
        guard !stopped else { return state }
        for stream in streams { stream.yield(state) }
        onUpdate?(state)
        return state
    }

    private func run() {
        while !isStopped {
            // Forget wake-ups that piled up while fetching: one poll answers them all.
            while wake.wait(timeout: .now()) == .success {}
            let state = pollOnce()
            let wait = max(0, (state.nextAttemptAt ?? now()).timeIntervalSince(now()))
            guard !isStopped else { break }
            _ = wake.wait(timeout: .now() + wait)
        }
    }

    private var isStopped: Bool { shared.withLock { $0.stopped } }
}
