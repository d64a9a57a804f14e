/// The life of an agent run. Every legal transition is listed here and nowhere else.
///
/// ```
/// queued ─▶ running ─▶ awaiting_approval ─▶ running ─▶ succeeded | failed
/// any non-terminal ─▶ cancelled   (a running run passes through cancel_requested)
/// running ─▶ reroute_requested ─▶ queued (on its new pool)
/// ```
public enum RunState: String, Codable, Sendable, CaseIterable {
    /// Waiting for capacity in its pool.
    case queued
    /// Running on a node.
    case running
    /// Paused until a human approves or rejects what its agent proposes.
    case awaitingApproval = "awaiting_approval"
    /// An operator asked to cancel it; waiting for the runtime to stop it.
    case cancelRequested = "cancel_requested"
    /// An operator asked to move it to another pool; waiting for the runtime to requeue it there.
    case rerouteRequested = "reroute_requested"
    /// Finished successfully. Terminal.
    case succeeded
    /// Finished with an error, or ended by the runtime. Terminal.
    case failed
    /// Stopped by an operator, by a rejected or expired approval. Terminal.
    case cancelled

    /// True for the states a run never leaves.
    public var isTerminal: Bool {
        switch self {
        case .succeeded, .failed, .cancelled: true
        default: false
        }
    }

    /// The states a run may move to from this one.
    public var successors: Set<RunState> {
        switch self {
        case .queued: [.running, .cancelled, .failed]
        case .running: [.awaitingApproval, .succeeded, .failed, .cancelRequested, .rerouteRequested]
        case .awaitingApproval: [.running, .cancelled, .failed]
        case .cancelRequested: [.cancelled, .succeeded, .failed]
        case .rerouteRequested: [.queued, .cancelRequested, .cancelled, .failed]
        case .succeeded, .failed, .cancelled: []
        }
    }

    /// Whether `self → next` is a legal transition.
    public func canMove(to next: RunState) -> Bool { successors.contains(next) }

    /// The state an operator's cancel puts the run in: `cancelled` at once when nothing runs, or
    /// `cancel_requested` when the runtime must stop a running process first. Nil when cancel is not possible.
    public var stateAfterCancel: RunState? {
        switch self {
        case .queued, .awaitingApproval: .cancelled
        case .running, .rerouteRequested: .cancelRequested
        case .cancelRequested, .succeeded, .failed, .cancelled: nil
        }
    }

    /// The state an operator's reroute puts the run in: unchanged (only the pool moves) for a run that holds no
    /// node, `reroute_requested` for a running run. Nil when reroute is not possible.
    public var stateAfterReroute: RunState? {
        switch self {
        case .queued: .queued
        case .awaitingApproval: .awaitingApproval
        case .running: .rerouteRequested
        case .cancelRequested, .rerouteRequested, .succeeded, .failed, .cancelled: nil
        }
    }

    /// Words an operator reads, e.g. `awaiting approval`.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
