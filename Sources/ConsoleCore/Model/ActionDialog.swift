import FactoryModel

/// The dialog that shows exactly what an action will do before it is sent. Focus starts on Cancel.
public struct ActionDialog: Sendable, Hashable {
    /// The action being prepared.
    public enum Kind: String, Sendable, Hashable {
        case approve, reject, cancel, reroute
        case pause, confirmPause, resume, reverse, escalate

        /// The confirm button's label.
        public var verb: String {
            switch self {
            case .approve: "Approve"
            case .reject: "Reject"
            case .cancel: "Cancel run"
            case .reroute: "Move"
            case .pause: "Pause"
            case .confirmPause: "Confirm pause"
            case .resume: "Resume"
            case .reverse: "Reverse"
            case .escalate: "Escalate"
            }
        }
    }

    /// What has focus; Tab and Shift-Tab cycle through them.
    public enum Focus: Sendable, Hashable {
        case reason, pools, cancelButton, confirmButton
    }

    /// The action.
    public var kind: Kind
    /// The item acted on (`A-4821`, `R-190233`).
    public var subject: String
    /// The dialog's title, e.g. `Approve A-4821?`.
    public var title: String
    /// Exactly what will happen, in sentences (untrusted parts are sanitised when drawn).
    public var explanation: [String]
    /// The reason field.
    public var reason: TextField
    /// Whether the reason must be given.
    public var reasonRequired: Bool
    /// For reroute: the pools that fit the run, with their free capacity.
    public var poolChoices: [PoolLoad]
    /// The highlighted pool choice.
    public var poolIndex: Int
    /// What has focus.
    public var focus: Focus
    /// A problem to show inside the dialog (e.g. "a reason is required").
    public var problem: String?
    /// True while the action is being committed.
    public var sending: Bool
    /// What an oversight action needs besides its subject: `[scope, mode]` for a pause, `[account]` to escalate.
    public var parameters: [String] = []

    /// Creates a dialog with focus on Cancel.
    public init(
        kind: Kind, subject: String, title: String, explanation: [String], reasonRequired: Bool,
        poolChoices: [PoolLoad] = []
    ) {
        self.kind = kind
        self.subject = subject
        self.title = title
        self.explanation = explanation
        self.reason = TextField()
        self.reasonRequired = reasonRequired
        self.poolChoices = poolChoices
        self.poolIndex = 0
        self.focus = .cancelButton
        self.problem = nil
        self.sending = false
    }

    /// The focus order for Tab.
    public var focusOrder: [Focus] {
        kind == .reroute ? [.pools, .reason, .cancelButton, .confirmButton] : [.reason, .cancelButton, .confirmButton]
    }

    /// The selected target pool, for reroute.
    public var selectedPool: PoolLoad? {
        poolChoices.indices.contains(poolIndex) ? poolChoices[poolIndex] : nil
    }
}
