import Foundation
import ConsoleCore
import FactoryModel
import FactoryStore
import Synchronization

/// Reads what the dashboard needs from the job store: only the visible windows of the long lists, and only when
/// the store changed (its change token moved), the needs changed, or the last full read is getting old.
/// Runs on the loader's own queue, never on the UI thread.
public final class StoreLoader: @unchecked Sendable {
    // @unchecked: every mutable field is touched only from `queue` (a serial queue), see `load(_:now:)`.
    private let store: any JobStore
    private let account: String
    let queue = DispatchQueue(label: "fusion.store-loader", qos: .userInitiated)
    private var lastToken: Int64?
    private var lastSnapshot: StoreSnapshot?
    private var lastFullRead: Date = .distantPast
    private var verifier = AuditVerifier()
    private var auditBreak: AuditBreak?
    private var lastFullVerify: Date = .distantPast
    /// The latest load asked for and not started yet: a burst of requests (change announcements) is one read.
    private let waiting = Mutex<(needs: DataNeeds, now: Date)?>(nil)

    /// Full reads at least this often even when nothing moved (time-based figures such as "failed in the last hour").
    static let maxAge: TimeInterval = 30
    /// Re-walk the whole audit chain this often (new records are checked on every change).
    static let fullVerifyInterval: TimeInterval = 300

    public init(store: any JobStore, account: String) {
        self.store = store
        self.account = account
    }

    /// Loads the snapshot for `needs` on the loader's queue and hands the outcome to `deliver`. Requests made while
    /// an earlier one still waits its turn replace it (the latest needs win), so a burst costs one read.
    public func load(_ needs: DataNeeds, now: Date, deliver: @escaping @Sendable (ConsoleEvent) -> Void) {
        let alreadyQueued = waiting.withLock { waiting in
            defer { waiting = (needs, now) }
            return waiting != nil
        }
        if alreadyQueued { return }
        queue.async {
            guard let next = self.waiting.withLock({ waiting in
                defer { waiting = nil }
                return waiting
            }) else { return }
            let outcome = Result { () throws(StoreError) in try self.read(next.needs, now: next.now) }
            switch outcome {
            case .success(let snapshot): deliver(.storeLoaded(snapshot, at: Date()))
            case .failure(let error): deliver(.storeFailed(error.message, at: Date()))
            }
        }
    }

    /// The snapshot for `needs`, reading the store only as much as needed. Call on `queue` (or in tests).
    public func read(_ needs: DataNeeds, now: Date) throws(StoreError) -> StoreSnapshot {
        let token = try store.changeToken()
        if let cached = lastSnapshot, cached.needs == needs, token == lastToken, now.timeIntervalSince(lastFullRead) < Self.maxAge {
            return cached
        }
        try verifyAudit(now: now, tokenMoved: token != lastToken)
        var approvals = needs.approvals
        approvals.limit = max(approvals.limit, 20)
        let snapshot = StoreSnapshot(
            queue: try store.queueSummary(now: now),
            approvals: ListWindow(offset: approvals.offset, rows: try store.approvals(approvals), total: try store.approvalCount(approvals)),
            runs: ListWindow(offset: needs.runs.offset, rows: try store.runs(needs.runs), total: try store.runCount(needs.runs)),
            institutes: try store.institutes(),
            projects: try store.projectActivity(instituteID: nil),
            audit: ListWindow(offset: needs.audit.offset, rows: try store.auditRecords(needs.audit), total: try store.auditCount(needs.audit)),
            auditBreak: auditBreak,
            pools: try store.poolLoads(),
            sites: try store.sites(),
            selectedRunApprovals: try needs.runDetail.map { id throws(StoreError) in try store.approvals(forRun: id) } ?? [],
            role: try store.role(of: account),
            needs: needs
        )
        lastSnapshot = snapshot
        lastToken = token
        lastFullRead = now
        return snapshot
    }

    private func verifyAudit(now: Date, tokenMoved: Bool) throws(StoreError) {
        if now.timeIntervalSince(lastFullVerify) >= Self.fullVerifyInterval {
            verifier = AuditVerifier()
            auditBreak = nil
            lastFullVerify = now
        } else if !tokenMoved || auditBreak != nil {
            return
        }
        auditBreak = try store.verifyAudit(continuing: &verifier)
    }
}
