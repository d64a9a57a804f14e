import Foundation
import FactoryModel
import FactoryStore
import Synchronization

/// Keeps the dashboard's verdict on the audit chain: every record checked once when the dashboard opens, each new
/// record as it is appended, and the whole trail re-walked every ``sweepPeriod`` so that a record altered behind
/// the console's back is found within minutes.
///
/// In the live dashboard (``inBackground``) the work runs on a queue of its own, and the re-walk is cut into slices
/// spread over the period (at most ``sweepRate`` records a second: never a pause, well under 1 % of a core); the first
/// walk does not hold up the first frame: until it ends the chain is shown as being verified. Otherwise (tests,
/// one-off reads) everything runs at once on the caller's thread, a whole walk when one is due.
final class AuditWatch: Sendable {
    /// What the console shows: the first break found, and whether a first walk has ended.
    struct Verdict: Sendable, Equatable {
        var broken: AuditBreak?
        var verified = false
    }

    private struct Progress {
        /// Walks to the newest record and follows the trail as it grows.
        var head = AuditVerifier()
        var headBreak: AuditBreak?
        /// The current re-walk from the first record.
        var sweep = AuditVerifier()
        var sweepStarted: Date?
        var lastStep: Date?
        var verdict = Verdict()
        var scheduled = false
    }

    /// Every record is checked again at least this often…
    static let sweepPeriod: TimeInterval = 300
    /// …unless the trail is so long that this would mean more records a second than this: then the re-walk takes
    /// longer (a trail of a million records, about 11 minutes), and costs at most about 0.4 % of a core.
    static let sweepRate: Double = 1_500
    /// Records walked in one go when a walk is not sliced (the queue then takes the next request).
    static let chunk = 200_000
    /// The first walk waits this long after the dashboard opens, so that on a small machine it does not compete
    /// with the first frame for a core (a trail of a million records takes a few seconds of one).
    static let firstWalkDelay: TimeInterval = 1.5

    let inBackground: Bool
    private let store: any JobStore
    private let queue = DispatchQueue(label: "fusion.audit-watch", qos: .utility)
    private let progress = Mutex(Progress())
    /// Told (on the watch's queue) when the verdict changed.
    private let changed = Mutex<(@Sendable () -> Void)?>(nil)

    init(store: any JobStore, inBackground: Bool) {
        self.store = store
        self.inBackground = inBackground
    }

    /// The verdict as it stands.
    var verdict: Verdict { progress.withLock { $0.verdict } }

    /// Calls `body` whenever the verdict changes (background mode).
    func onChange(_ body: @escaping @Sendable () -> Void) {
        changed.withLock { $0 = body }
    }

    /// Brings the verdict up to date: in background mode a step is queued (one at a time); otherwise it runs now.
    /// `appended` says whether the store changed since the last call.
    func refresh(now: Date, appended: Bool) throws(StoreError) {
        guard inBackground else {
            try step(now: now, appended: appended, sliced: false)
            return
        }
        let (alreadyScheduled, first) = progress.withLock { state in
            defer { state.scheduled = true }
            return (state.scheduled, state.lastStep == nil)
        }
        guard !alreadyScheduled else { return }
        queue.asyncAfter(deadline: .now() + (first ? Self.firstWalkDelay : 0)) {
            let before = self.verdict
            do {
                try self.step(now: now, appended: appended, sliced: true)
            } catch {
                // A store that cannot be read is reported by the loader; the verdict stays as it was.
            }
            self.progress.withLock { $0.scheduled = false }
            if self.verdict != before, let body = self.changed.withLock({ $0 }) { body() }
        }
    }

    /// One step: the first walk (whole), new records, and the re-walk (a slice in proportion to the time passed,
    /// or whole when it is due and not sliced).
    private func step(now: Date, appended: Bool, sliced: Bool) throws(StoreError) {
        var state = progress.withLock { $0 }
        if !state.verdict.verified {
            state.head = AuditVerifier()
            state.headBreak = try walk(&state.head, limit: nil)
            state.verdict = Verdict(broken: state.headBreak, verified: true)
            state.sweep = AuditVerifier()
            state.sweepStarted = now
            state.lastStep = now
            save(state)
            return
        }
        if appended, state.headBreak == nil {
            state.headBreak = try walk(&state.head, limit: nil)
            if let broken = state.headBreak { state.verdict.broken = broken }
        }
        let started = state.sweepStarted ?? now
        if sliced {
            let total = Double(state.head.head?.seq ?? 0)
            let elapsed = min(Self.sweepPeriod, max(0, now.timeIntervalSince(state.lastStep ?? now)))
            let due = min(total * elapsed / Self.sweepPeriod, Self.sweepRate * elapsed)
            let slice = max(1_000, Int(due.rounded(.up)))
            try sweep(&state, limit: slice, now: now)
        } else if now.timeIntervalSince(started) >= Self.sweepPeriod {
            try sweep(&state, limit: nil, now: now)
        }
        state.lastStep = now
        save(state)
    }

    /// Re-walks `limit` more records (to the end when nil); at the end of a pass its conclusion stands and a new pass
    /// starts.
    private func sweep(_ state: inout Progress, limit: Int?, now: Date) throws(StoreError) {
        let checkedBefore = state.sweep.checked
        if let broken = try walk(&state.sweep, limit: limit) {
            state.verdict.broken = broken
            state.sweep = AuditVerifier()
            state.sweepStarted = now
            return
        }
        let walked = Int(state.sweep.checked - checkedBefore)
        guard limit == nil || walked < (limit ?? 0) else { return }
        // A clean pass to the newest record: the whole chain holds now.
        state.head = state.sweep
        state.headBreak = nil
        state.verdict.broken = nil
        state.sweep = AuditVerifier()
        state.sweepStarted = now
    }

    /// Walks `verifier` on, `limit` records at most (all when nil, in chunks).
    private func walk(_ verifier: inout AuditVerifier, limit: Int?) throws(StoreError) -> AuditBreak? {
        guard let limit else {
            while true {
                let before = verifier.checked
                if let broken = try store.verifyAudit(continuing: &verifier, limit: Self.chunk) { return broken }
                if verifier.checked - before < Int64(Self.chunk) { return nil }
            }
        }
        return try store.verifyAudit(continuing: &verifier, limit: limit)
    }

    private func save(_ state: Progress) {
        progress.withLock { current in
            let scheduled = current.scheduled
            current = state
            current.scheduled = scheduled
        }
    }
}
