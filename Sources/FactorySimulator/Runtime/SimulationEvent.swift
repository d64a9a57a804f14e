import Foundation
import FactoryModel

/// Something the simulated runtime did, for the `simulate` command's log and for tests.
public struct SimulationEvent: Sendable, Hashable, CustomStringConvertible {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A new run was submitted; it waits in its pool's queue.
        case submitted
        /// A queued run started on a node.
        case started
        /// A run finished successfully.
        case succeeded
        /// A run failed (an error, an edge link down, a request no node can hold).
        case failed
        /// A running run paused to ask a human.
        case approvalRequested = "approval-requested"
        /// An approved run resumed.
        case resumed
        /// A run ended because its approval was rejected, expired or withdrawn.
        case ended
        /// Pending approvals passed their deadline.
        case expired
        /// The runtime stopped a run an operator cancelled.
        case cancelAcknowledged = "cancel-acknowledged"
        /// The runtime stopped a run an operator moved; it waits in its new pool's queue.
        case rerouteAcknowledged = "reroute-acknowledged"
        /// An edge site stopped reporting.
        case siteDown = "site-down"
        /// An edge site reports again.
        case siteUp = "site-up"
        /// A change lost a race with an operator (or another writer); it is tried again at the next step.
        case conflict
    }

    /// When it happened (simulated time).
    public var at: Date
    /// What happened.
    public var kind: Kind
    /// The run, approval or site concerned, e.g. `R-190233`, `A-4821`, `guelmim`.
    public var subject: String
    /// One line of detail for a person. May hold store text (titles), so sanitise it before printing.
    public var detail: String

    /// Creates an event.
    public init(at: Date, kind: Kind, subject: String, detail: String) {
        self.at = at
        self.kind = kind
        self.subject = subject
        self.detail = detail
    }

    /// `2026-11-21T03:12:45Z started R-190233: on dkh-gpu-004 (dakhla-gpu)`.
    public var description: String {
        "\(ISO8601.string(from: at)) \(kind.rawValue) \(subject): \(detail)"
    }
}
