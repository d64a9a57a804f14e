import Foundation
import FactoryModel
import FactoryStore
import Synchronization

/// One change of state that a committed transaction made.
struct Transition: Hashable, CustomStringConvertible {
    enum Subject: Hashable {
        case run(RunID)
        case approval(ApprovalID)
    }

    let subject: Subject
    let from: String
    let to: String
    let legal: Bool

    var description: String {
        switch subject {
        case .run(let id): "\(id) \(from) → \(to)"
        case .approval(let id): "\(id) \(from) → \(to)"
        }
    }
}

/// The real SQLite store, seen through a window that records every run and approval transition its committed
/// transactions make (by the simulated runtime and by the action gate alike), each judged against the state
/// machines at the moment it is written. Reads and writes go to the real store unchanged.
final class TransitionRecorder: JobStore, Sendable {
    let base: SQLiteJobStore
    private let log = Mutex<[Transition]>([])

    init(_ base: SQLiteJobStore) {
        self.base = base
    }

    /// Every transition committed so far, in order.
    var transitions: [Transition] { log.withLock { $0 } }

    func transaction<T: Sendable>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        let (value, made) = try base.transaction { tx in
            let recording = RecordingTransaction(base: tx)
            let value = try body(recording)
            return (value, recording.made)
        }
        log.withLock { $0 += made }
        return value
    }

    var location: String { base.location }
    func schemaVersion() throws(StoreError) -> Int { try base.schemaVersion() }
    func changeToken() throws(StoreError) -> Int64 { try base.changeToken() }
    func sites() throws(StoreError) -> [Site] { try base.sites() }
    func pools() throws(StoreError) -> [Pool] { try base.pools() }
    func poolLoads() throws(StoreError) -> [PoolLoad] { try base.poolLoads() }
    func institutes() throws(StoreError) -> [Institute] { try base.institutes() }
    func projectActivity(instituteID: String?) throws(StoreError) -> [ProjectActivity] {
        try base.projectActivity(instituteID: instituteID)
    }
    func runs(_ query: RunQuery) throws(StoreError) -> [Run] { try base.runs(query) }
    func runCount(_ query: RunQuery) throws(StoreError) -> Int { try base.runCount(query) }
    func run(_ id: RunID) throws(StoreError) -> Run? { try base.run(id) }
    func approvals(_ query: ApprovalQuery) throws(StoreError) -> [Approval] { try base.approvals(query) }
    func approvalCount(_ query: ApprovalQuery) throws(StoreError) -> Int { try base.approvalCount(query) }
    func approval(_ id: ApprovalID) throws(StoreError) -> Approval? { try base.approval(id) }
    func approvals(forRun id: RunID) throws(StoreError) -> [Approval] { try base.approvals(forRun: id) }
    func queueSummary(now: Date) throws(StoreError) -> QueueSummary { try base.queueSummary(now: now) }
    func operators() throws(StoreError) -> [OperatorAccount] { try base.operators() }
    func role(of account: String) throws(StoreError) -> Role { try base.role(of: account) }
    func auditRecords(_ query: AuditQuery) throws(StoreError) -> [AuditRecord] { try base.auditRecords(query) }
    func auditCount(_ query: AuditQuery) throws(StoreError) -> Int { try base.auditCount(query) }
    func verifyAudit() throws(StoreError) -> AuditVerification { try base.verifyAudit() }
    func readSQL<T>(_ body: (any RawSQLSession) throws -> T) throws(StoreError) -> T { try base.readSQL(body) }
    func verifyAudit(continuing verifier: inout AuditVerifier) throws(StoreError) -> AuditBreak? {
        try base.verifyAudit(continuing: &verifier)
    }
}

/// A transaction that notes the transitions it writes; they count only if the transaction commits.
private final class RecordingTransaction: StoreTransaction {
    let base: any StoreTransaction
    var made: [Transition] = []

    init(base: any StoreTransaction) {
        self.base = base
    }

    func updateRun(_ id: RunID, expectedVersion: Int64, change: RunChange, at: Date) throws -> Bool {
        let before = try base.run(id)
        let done = try base.updateRun(id, expectedVersion: expectedVersion, change: change, at: at)
        if done, let before, let next = change.state, next != before.state {
            made.append(Transition(
                subject: .run(id), from: before.state.rawValue, to: next.rawValue, legal: before.state.canMove(to: next)
            ))
        }
        return done
    }

    func insertRun(_ run: NewRun) throws -> RunID {
        let id = try base.insertRun(run)
        made.append(Transition(subject: .run(id), from: "new", to: RunState.queued.rawValue, legal: true))
        return id
    }

    func updateApproval(_ id: ApprovalID, expectedVersion: Int64, state: ApprovalState, decidedAt: Date?) throws -> Bool {
        let before = try base.approval(id)
        let done = try base.updateApproval(id, expectedVersion: expectedVersion, state: state, decidedAt: decidedAt)
        if done, let before, state != before.state {
            made.append(Transition(
                subject: .approval(id), from: before.state.rawValue, to: state.rawValue,
                legal: before.state == .pending && state.isFinal
            ))
        }
        return done
    }

    func withdrawPendingApprovals(ofRun id: RunID, at: Date) throws -> [ApprovalID] {
        let withdrawn = try base.withdrawPendingApprovals(ofRun: id, at: at)
        made += withdrawn.map {
            Transition(
                subject: .approval($0), from: ApprovalState.pending.rawValue, to: ApprovalState.withdrawn.rawValue, legal: true
            )
        }
        return withdrawn
    }

    func role(of account: String) throws -> Role { try base.role(of: account) }
    func approval(_ id: ApprovalID) throws -> Approval? { try base.approval(id) }
    func run(_ id: RunID) throws -> Run? { try base.run(id) }
    func pool(_ id: String) throws -> Pool? { try base.pool(id) }
    func insertDecision(_ decision: Decision) throws { try base.insertDecision(decision) }
    func latestApprovalID(ofRun id: RunID) throws -> ApprovalID? { try base.latestApprovalID(ofRun: id) }
    func overdueApprovals(now: Date, limit: Int) throws -> [Approval] { try base.overdueApprovals(now: now, limit: limit) }
    func insertApproval(_ approval: NewApproval) throws -> ApprovalID { try base.insertApproval(approval) }
    func upsertOperator(_ account: OperatorAccount) throws { try base.upsertOperator(account) }
    func operatorCount() throws -> Int { try base.operatorCount() }
    var sql: any RawSQLSession { base.sql }
    func appendAudit(_ entry: AuditEntry, at: Date) throws -> AuditRecord { try base.appendAudit(entry, at: at) }
}
