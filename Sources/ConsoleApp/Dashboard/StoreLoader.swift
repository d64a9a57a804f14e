import Foundation
import ConsoleCore
import FactoryModel
import FactoryStore
import Synchronization

/// Reads what the dashboard needs from the job store, as little as it can: nothing at all while the store has not
/// changed (its change token stands) and the needs are the same; when only the needs moved (a scroll, a filter, a
/// sort), only the window that moved, and its count only when its filter changed; when the store changed, the
/// figures (from the store's counters) and the windows on screen. Runs on the loader's own queue, never on the UI
/// thread. The audit chain is verified by an ``AuditWatch``.
public final class StoreLoader: @unchecked Sendable {
    // @unchecked: every mutable field is touched only from `queue` (a serial queue), see `load(_:now:deliver:)`, or
    // by a test calling `read` on its own thread.
    private let store: any JobStore
    private let account: String
    let queue = DispatchQueue(label: "fusion.store-loader", qos: .userInitiated)
    private let audit: AuditWatch
    private var cache = Cache()
    /// The latest load asked for and not started yet: a burst of requests (change announcements) is one read.
    private let waiting = Mutex<(needs: DataNeeds, now: Date)?>(nil)
    /// The last request and where its answer went, to answer again when the audit verdict changes.
    private let lastRequest = Mutex<(needs: DataNeeds, deliver: @Sendable (ConsoleEvent) -> Void)?>(nil)

    /// Figures are read again at least this often even when nothing moved ("failed in the last hour" moves with time).
    static let maxAge: TimeInterval = 30

    /// What was read last, part by part, with the request each part answers.
    private struct Cache {
        var token: Int64?
        var readAt: Date = .distantPast
        var shared: Shared?
        var runs: (query: RunQuery, rows: [Run])?
        var runCount: (filter: RunQuery, total: Int)?
        var approvals: (query: ApprovalQuery, rows: [Approval])?
        var approvalCount: (filter: ApprovalQuery, total: Int)?
        var audit: (query: AuditQuery, rows: [AuditRecord])?
        var auditCount: (text: String?, total: Int)?
        var detail: (run: RunID?, approvals: [Approval])?
        var snapshot: StoreSnapshot?
    }

    /// The parts every screen shares: the queue figures and the small tables.
    private struct Shared {
        var queue: QueueSummary
        var institutes: [Institute]
        var projects: [ProjectActivity]
        var pools: [PoolLoad]
        var sites: [Site]
        var role: Role
    }

    /// Creates a loader. With `verifyAuditInBackground` (the live dashboard) the audit chain is walked on a queue of
    /// its own and its verdict arrives with a later snapshot; without it, ``read(_:now:)`` walks it when due.
    public init(store: any JobStore, account: String, verifyAuditInBackground: Bool = false) {
        self.store = store
        self.account = account
        audit = AuditWatch(store: store, inBackground: verifyAuditInBackground)
        audit.onChange { [weak self] in self?.answerAgain() }
    }

    /// Loads the snapshot for `needs` on the loader's queue and hands the outcome to `deliver`. Requests made while
    /// an earlier one still waits its turn replace it (the latest needs win), so a burst costs one read.
    public func load(_ needs: DataNeeds, now: Date, deliver: @escaping @Sendable (ConsoleEvent) -> Void) {
        lastRequest.withLock { $0 = (needs, deliver) }
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

    /// The audit verdict changed: answer the last request again, so that the screen shows it.
    private func answerAgain() {
        guard let last = lastRequest.withLock({ $0 }) else { return }
        load(last.needs, now: Date(), deliver: last.deliver)
    }

    /// The snapshot for `needs`, reading the store only as much as needed. Call on `queue` (or in tests).
    public func read(_ needs: DataNeeds, now: Date) throws(StoreError) -> StoreSnapshot {
        let token = try store.changeToken()
        let moved = token != cache.token
        if moved || now.timeIntervalSince(cache.readAt) >= Self.maxAge {
            cache = Cache(token: token, readAt: now)
        }
        try audit.refresh(now: now, appended: moved)
        let verdict = audit.verdict
        if let cached = cache.snapshot, cached.needs == needs, cached.auditBreak == verdict.broken,
           cached.auditVerified == verdict.verified {
            return cached
        }
        let shared = try readShared(now: now)
        var approvalsQuery = needs.approvals
        approvalsQuery.limit = max(approvalsQuery.limit, 20)
        var snapshot = StoreSnapshot(
            queue: shared.queue,
            approvals: ListWindow(offset: approvalsQuery.offset, rows: try approvals(approvalsQuery), total: try approvalCount(approvalsQuery)),
            runs: try runsWindow(needs.runs),
            institutes: shared.institutes,
            projects: shared.projects,
            audit: ListWindow(offset: needs.audit.offset, rows: try auditRecords(needs.audit), total: try auditCount(needs.audit)),
            auditBreak: verdict.broken,
            pools: shared.pools,
            sites: shared.sites,
            selectedRunApprovals: try detail(needs.runDetail),
            role: shared.role,
            needs: needs,
            auditVerified: verdict.verified
        )
        try readOversight(into: &snapshot)
        cache.snapshot = snapshot
        return snapshot
    }

    // MARK: - Parts

    /// The open pauses (for the banner), and the escalations and on-duty supervisors of the approvals shown.
    private func readOversight(into snapshot: inout StoreSnapshot) throws(StoreError) {
        snapshot.pauses = try store.pauses()
        let shown = snapshot.approvals.rows + snapshot.selectedRunApprovals
        snapshot.escalations = try store.escalations(of: shown.map(\.id))
        for approval in shown where approval.state == .expired && snapshot.onDuty[approval.id] == nil {
            snapshot.onDuty[approval.id] = try store.onDuty(for: approval)
        }
    }

    private func readShared(now: Date) throws(StoreError) -> Shared {
        if let shared = cache.shared { return shared }
        let shared = Shared(
            queue: try store.queueSummary(now: now), institutes: try store.institutes(),
            projects: try store.projectActivity(instituteID: nil), pools: try store.poolLoads(), sites: try store.sites(),
            role: try store.role(of: account)
        )
        cache.shared = shared
        return shared
    }

    private func runsWindow(_ query: RunQuery) throws(StoreError) -> ListWindow<Run> {
        let total = try runCount(query)
        if let cached = cache.runs, cached.query == query { return ListWindow(offset: query.offset, rows: cached.rows, total: total) }
        let rows = try store.runs(query, total: total)
        cache.runs = (query, rows)
        return ListWindow(offset: query.offset, rows: rows, total: total)
    }

    private func runCount(_ query: RunQuery) throws(StoreError) -> Int {
        var filter = query
        (filter.offset, filter.limit, filter.sort, filter.descending) = (0, 0, .id, false)
        if let cached = cache.runCount, cached.filter == filter { return cached.total }
        let total = try store.runCount(query)
        cache.runCount = (filter, total)
        return total
    }

    private func approvals(_ query: ApprovalQuery) throws(StoreError) -> [Approval] {
        if let cached = cache.approvals, cached.query == query { return cached.rows }
        let rows = try store.approvals(query)
        cache.approvals = (query, rows)
        return rows
    }

    private func approvalCount(_ query: ApprovalQuery) throws(StoreError) -> Int {
        var filter = query
        (filter.offset, filter.limit, filter.sort, filter.reversed) = (0, 0, .id, false)
        if let cached = cache.approvalCount, cached.filter == filter { return cached.total }
        let total = try store.approvalCount(query)
        cache.approvalCount = (filter, total)
        return total
    }

    private func auditRecords(_ query: AuditQuery) throws(StoreError) -> [AuditRecord] {
        if let cached = cache.audit, cached.query == query { return cached.rows }
        let rows = try store.auditRecords(query)
        cache.audit = (query, rows)
        return rows
    }

    private func auditCount(_ query: AuditQuery) throws(StoreError) -> Int {
        if let cached = cache.auditCount, cached.text == query.text { return cached.total }
        let total = try store.auditCount(query)
        cache.auditCount = (query.text, total)
        return total
    }

    private func detail(_ run: RunID?) throws(StoreError) -> [Approval] {
        if let cached = cache.detail, cached.run == run { return cached.approvals }
        let approvals = try run.map { id throws(StoreError) in try store.approvals(forRun: id) } ?? []
        cache.detail = (run, approvals)
        return approvals
    }
}
