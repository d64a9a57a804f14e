import Foundation
import FactoryModel

/// What the factory's runtime (the scheduler, the agents; in the demo, the simulator) does to runs and approvals.
///
/// It writes through the same transactions as the action gate and honours the same state machine: every step
/// checks that the transition is legal and that the run did not change meanwhile (compare-and-set). Steps that
/// carry out a human's decision or request are written to the audit trail.
public struct RuntimeService: Sendable {
    /// The store the runtime works on.
    public let store: any JobStore
    /// Where the time comes from.
    public let clock: any FactoryClock
    /// Who the runtime acts as.
    public let actor: Actor

    /// Creates the runtime service.
    public init(store: any JobStore, clock: any FactoryClock = SystemClock(), actor: Actor = .runtime) {
        self.store = store
        self.clock = clock
        self.actor = actor
    }

    /// Submits a run; it starts in `queued`.
    @discardableResult
    public func submit(_ run: NewRun) throws(ActionError) -> RunID {
        try write { tx, _ in try tx.insertRun(run) }
    }

    /// Starts a queued run on `node`; refuses when its pool is paused (the stop button).
    public func start(_ id: RunID, node: String) throws(ActionError) {
        try write { tx, now in
            if let run = try tx.run(id), try OversightSQL.pausedPoolIDs(tx.sql).contains(run.poolID) {
                throw ActionError.conflict("\(run.poolID) is paused; \(id) stays queued until the pause is lifted.")
            }
            try move(tx, id, to: .running, change: RunChange(node: .some(node), startedAt: now), now: now)
        }
    }

    /// Pauses a running run on a request for human approval; returns the approval's id.
    @discardableResult
    public func requestApproval(_ request: NewApproval) throws(ActionError) -> ApprovalID {
        try write { tx, now in
            try move(tx, request.runID, to: .awaitingApproval, change: RunChange(), now: now)
            return try tx.insertApproval(request)
        }
    }

    /// Acts on the final state of the run's latest approval: resumes it when approved, ends it as cancelled when
    /// rejected, expired or withdrawn, or approved on a pool that a pause drains (the stop button asked running
    /// work there to stop, and an approval does not override it). Returns the run's new state, or nil when the
    /// approval is still pending.
    @discardableResult
    public func actOnDecision(_ id: RunID) throws(ActionError) -> RunState? {
        try write { tx, now in
            guard let run = try tx.run(id) else { throw ActionError.notFound("There is no run \(id).") }
            guard run.state == .awaitingApproval else {
                throw ActionError.conflict("\(id) is \(run.state.label), not awaiting approval.")
            }
            guard let approval = try latestApproval(tx, of: id), approval.state.isFinal else { return nil }
            if approval.state == .approved, let pause = try OversightSQL.drainingPause(tx.sql, coveringPool: run.poolID) {
                let reason = "\(approval.id) approved, but \(run.poolID) is drained by pause \(pause)"
                try move(tx, id, to: .cancelled, change: RunChange(endedAt: now, endReason: reason), now: now)
                try audit(tx, "end", id, ["approval": approval.id.description, "pause": pause.description, "reason": reason], now)
                return .cancelled
            }
            if approval.state == .approved {
                try move(tx, id, to: .running, change: RunChange(), now: now)
                try audit(tx, "resume", id, ["approval": approval.id.description], now)
                return .running
            }
            let reason = "\(approval.id) \(approval.state.rawValue)"
            try move(tx, id, to: .cancelled, change: RunChange(endedAt: now, endReason: reason), now: now)
            try audit(tx, "end", id, ["approval": approval.id.description, "reason": reason], now)
            return .cancelled
        }
    }

    /// Ends a running (or cancel-requested) run as succeeded or failed.
    public func finish(_ id: RunID, succeeded: Bool, reason: String? = nil) throws(ActionError) {
        try write { tx, now in
            try move(
                tx, id, to: succeeded ? .succeeded : .failed,
                change: RunChange(endedAt: now, endReason: reason), now: now
            )
        }
    }

    /// Ends a queued run the runtime cannot place as failed, e.g. one that asks more GPUs than any node of its
    /// pool has (it was moved there by hand). The state machine decides whether the run may fail now.
    public func fail(_ id: RunID, reason: String) throws(ActionError) {
        try write { tx, now in
            try move(tx, id, to: .failed, change: RunChange(endedAt: now, endReason: reason), now: now)
        }
    }

    /// Confirms an operator's cancel: the run stopped.
    public func acknowledgeCancel(_ id: RunID) throws(ActionError) {
        try write { tx, now in
            guard let run = try tx.run(id) else { throw ActionError.notFound("There is no run \(id).") }
            let by = run.cancelRequest?.by ?? "an operator"
            try move(tx, id, to: .cancelled, change: RunChange(endedAt: now, endReason: "cancelled by \(by)"), now: now)
            try tx.withdrawPendingApprovals(ofRun: id, at: now)
            try audit(tx, "acknowledge-cancel", id, ["requested_by": by], now)
        }
    }

    /// Confirms an operator's reroute: the run stopped and waits in its new pool's queue.
    public func acknowledgeReroute(_ id: RunID) throws(ActionError) {
        try write { tx, now in
            guard let run = try tx.run(id) else { throw ActionError.notFound("There is no run \(id).") }
            guard let target = run.rerouteTo else {
                throw ActionError.conflict("\(id) has no reroute request to acknowledge.")
            }
            try move(
                tx, id, to: .queued,
                change: RunChange(poolID: target, node: .some(nil), rerouteTo: .some(nil)), now: now
            )
            try audit(tx, "acknowledge-reroute", id, ["from_pool": run.poolID, "to_pool": target], now)
        }
    }

    /// Expires pending approvals whose deadline has passed (compare-and-set); returns their ids.
    @discardableResult
    public func expireOverdue(limit: Int = 500) throws(ActionError) -> [ApprovalID] {
        try write { tx, now in
            var expired: [ApprovalID] = []
            for approval in try tx.overdueApprovals(now: now, limit: limit) {
                guard try tx.updateApproval(approval.id, expectedVersion: approval.version, state: .expired, decidedAt: approval.dueAt)
                else { continue }
                try tx.appendAudit(
                    AuditEntry(
                        actor: actor, action: "expire", subject: approval.id.description, outcome: .ok,
                        details: ["due_at": ISO8601.string(from: approval.dueAt), "state_after": "expired"]
                    ),
                    at: now
                )
                expired.append(approval.id)
            }
            return expired
        }
    }

    // MARK: - Helpers

    private func write<T: Sendable>(_ body: (any StoreTransaction, Date) throws -> T) throws(ActionError) -> T {
        let now = clock.now()
        do {
            return try store.transaction { tx in try body(tx, now) }
        } catch let error as ActionError {
            throw error
        } catch let error as StoreError {
            throw error.asActionError
        } catch {
            throw .storeUnavailable("The job store at \(store.location) failed: \(error)")
        }
    }

    /// Moves a run to `state`, refusing an illegal transition or a concurrent change.
    private func move(_ tx: any StoreTransaction, _ id: RunID, to state: RunState, change: RunChange, now: Date) throws {
        guard let run = try tx.run(id) else { throw ActionError.notFound("There is no run \(id).") }
        guard run.state.canMove(to: state) else {
            throw ActionError.conflict("\(id) cannot go from \(run.state.label) to \(state.label).")
        }
        var change = change
        change.state = state
        guard try tx.updateRun(id, expectedVersion: run.version, change: change, at: now) else {
            throw ActionError.conflict("\(id) changed meanwhile.")
        }
    }

    private func latestApproval(_ tx: any StoreTransaction, of run: RunID) throws -> Approval? {
        guard let id = try tx.latestApprovalID(ofRun: run) else { return nil }
        return try tx.approval(id)
    }

    private func audit(_ tx: any StoreTransaction, _ action: String, _ id: RunID, _ details: [String: String], _ now: Date) throws {
        try tx.appendAudit(AuditEntry(actor: actor, action: action, subject: id.description, outcome: .ok, details: details), at: now)
    }
}
