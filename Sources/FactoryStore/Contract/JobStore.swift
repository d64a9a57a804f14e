import Foundation
import FactoryModel

/// The job store: the factory's shared record of sites, pools, institutes, projects, runs, approvals, decisions,
/// operators and the audit trail. The SQLite and PostgreSQL stores implement the same contract.
///
/// Reads return immutable values. Every change goes through ``transaction(_:)``, and operator changes only
/// through ``ActionGate``, which writes the change and its audit record in that one transaction.
///
/// ## Topics
/// ### Reading
/// - ``runs(_:)``
/// - ``approvals(_:)``
/// - ``queueSummary(now:)``
/// ### Changing
/// - ``transaction(_:)``
/// ### Watching
/// - ``changeToken()``
public protocol JobStore: Sendable {
    /// Where the store is, for messages (`/var/lib/…/factory.sqlite`, `postgres://…`).
    var location: String { get }

    /// The schema version of the store.
    func schemaVersion() throws(StoreError) -> Int

    /// A number that changes whenever anyone (this process or another) commits a change. Cheap to call.
    func changeToken() throws(StoreError) -> Int64

    /// All sites.
    func sites() throws(StoreError) -> [Site]
    /// All pools.
    func pools() throws(StoreError) -> [Pool]
    /// All pools with the capacity their running work holds.
    func poolLoads() throws(StoreError) -> [PoolLoad]
    /// All institutes, JAZARI ROOT first.
    func institutes() throws(StoreError) -> [Institute]
    /// Projects with their active runs and pending approvals, of one institute or all.
    func projectActivity(instituteID: String?) throws(StoreError) -> [ProjectActivity]

    /// A window of runs.
    func runs(_ query: RunQuery) throws(StoreError) -> [Run]
    /// A window of runs when how many match is already known (``runCount(_:)`` of the same query), which spares
    /// counting them again.
    func runs(_ query: RunQuery, total: Int) throws(StoreError) -> [Run]
    /// How many runs match the query (ignoring its window).
    func runCount(_ query: RunQuery) throws(StoreError) -> Int
    /// One run.
    func run(_ id: RunID) throws(StoreError) -> Run?

    /// A window of approvals with their decisions.
    func approvals(_ query: ApprovalQuery) throws(StoreError) -> [Approval]
    /// How many approvals match the query (ignoring its window).
    func approvalCount(_ query: ApprovalQuery) throws(StoreError) -> Int
    /// One approval with its decisions.
    func approval(_ id: ApprovalID) throws(StoreError) -> Approval?
    /// The approvals asked for one run, oldest first.
    func approvals(forRun id: RunID) throws(StoreError) -> [Approval]

    /// The queue at a glance.
    func queueSummary(now: Date) throws(StoreError) -> QueueSummary

    /// Accounts with a role.
    func operators() throws(StoreError) -> [OperatorAccount]
    /// An account's role (viewer when not listed).
    func role(of account: String) throws(StoreError) -> Role

    /// A window of the audit trail, newest first.
    func auditRecords(_ query: AuditQuery) throws(StoreError) -> [AuditRecord]
    /// How many audit records match the query's text (ignoring its window).
    func auditCount(_ query: AuditQuery) throws(StoreError) -> Int
    /// Walks the whole audit chain; returns the first break, or nil when every record checks out.
    func verifyAudit() throws(StoreError) -> AuditVerification
    /// Continues a verification past the records `verifier` has already checked (cheap when few were added).
    func verifyAudit(continuing verifier: inout AuditVerifier) throws(StoreError) -> AuditBreak?
    /// Continues a verification over at most `limit` more records, so that a long trail can be walked in slices.
    func verifyAudit(continuing verifier: inout AuditVerifier, limit: Int) throws(StoreError) -> AuditBreak?

    /// Runs `body` on a read-only snapshot with portable SQL (`?` placeholders, every value bound): the oversight
    /// reads (pauses, reversals, escalations, the oversight report), written once for every kind of store.
    func readSQL<T>(_ body: (any RawSQLSession) throws -> T) throws(StoreError) -> T

    /// Runs `body` in one write transaction: everything it writes commits together, or nothing does when it throws.
    /// Concurrent transactions (in this process or others) are serialised.
    func transaction<T: Sendable>(_ body: (any StoreTransaction) throws -> T) throws -> T
}

extension JobStore {
    /// The window, counting again if the store needs to.
    public func runs(_ query: RunQuery, total: Int) throws(StoreError) -> [Run] {
        try runs(query)
    }

    /// A slice of the walk read as windows of the trail (a store may do better).
    public func verifyAudit(continuing verifier: inout AuditVerifier, limit: Int) throws(StoreError) -> AuditBreak? {
        let newest = Int64(try auditCount(AuditQuery()))
        let after = verifier.head?.seq ?? 0
        let through = min(newest, after + Int64(max(0, limit)))
        guard through > after else { return nil }
        let records = try auditRecords(AuditQuery(offset: Int(newest - through), limit: Int(through - after)))
        for record in records.reversed() {
            if let broken = verifier.check(record) { return broken }
        }
        return nil
    }
}

/// The result of walking the audit chain.
public struct AuditVerification: Sendable, Equatable {
    /// Records that checked out before the first break (all of them when there is none).
    public var checked: Int64
    /// The first break, if any.
    public var firstBreak: AuditBreak?

    /// Creates a verification result.
    public init(checked: Int64, firstBreak: AuditBreak?) {
        self.checked = checked
        self.firstBreak = firstBreak
    }
}
