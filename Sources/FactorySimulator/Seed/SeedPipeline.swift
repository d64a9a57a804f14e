import Foundation
import Synchronization

/// Draws rows on a thread of its own while the caller writes them: the seed's drawing (texts, hashes) and SQLite's
/// inserts each take about half the time, and the machine has two cores.
///
/// The producer hands over chunks through a bounded queue (so memory stays small) and ends by returning a final
/// value; ``next()`` gives the chunks in order, then nil.
final class SeedPipeline<Row: Sendable, Final: Sendable>: Sendable {
    private struct State {
        var chunks: [[Row]] = []
        var final: Final?
        var finished = false
    }

    private let state = Mutex(State())
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore
    /// Rows per chunk.
    static var chunkSize: Int { 2048 }

    /// Starts `produce` on a new thread; it calls `emit` for each row and returns the final value.
    init(depth: Int = 8, produce: @escaping @Sendable (_ emit: (Row) -> Void) -> Final) {
        free = DispatchSemaphore(value: depth)
        let thread = Thread { [self] in
            var chunk: [Row] = []
            chunk.reserveCapacity(Self.chunkSize)
            let final = produce { row in
                chunk.append(row)
                if chunk.count == Self.chunkSize {
                    self.hand(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty { self.hand(chunk) }
            self.state.withLock {
                $0.final = final
                $0.finished = true
            }
            self.filled.signal()
        }
        thread.name = "fusion-seed-draw"
        thread.start()
    }

    private func hand(_ chunk: [Row]) {
        free.wait()
        state.withLock { $0.chunks.append(chunk) }
        filled.signal()
    }

    /// The next chunk, waiting for it; nil once the producer finished and every chunk was taken.
    func next() -> [Row]? {
        while true {
            filled.wait()
            let taken: [Row]? = state.withLock { state in
                if !state.chunks.isEmpty { return state.chunks.removeFirst() }
                return nil
            }
            if let taken {
                free.signal()
                return taken
            }
            if state.withLock({ $0.finished }) {
                filled.signal()  // let further calls see the end too
                return nil
            }
        }
    }

    /// Hands every row to `body`, in order. When `body` throws, the remaining rows are taken and dropped (so that the
    /// producer ends) and the error is thrown.
    func drain(_ body: (Row) throws -> Void) throws {
        var failure: (any Error)?
        while let chunk = next() {
            guard failure == nil else { continue }
            do {
                for row in chunk { try body(row) }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// The producer's final value, once ``next()`` returned nil.
    var final: Final? { state.withLock { $0.final } }
}
