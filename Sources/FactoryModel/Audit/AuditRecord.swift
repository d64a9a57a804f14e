import Foundation

/// One link of the tamper-evident audit trail.
public struct AuditRecord: Codable, Sendable, Hashable {
    /// Position in the chain, from 1 with no gaps.
    public var seq: Int64
    /// When the action was attempted.
    public var at: Date
    /// The account the act is attributed to.
    public var actor: String
    /// `root` when root acted for the account with `--as`.
    public var via: String?
    /// `approve`, `reject`, `cancel`, `reroute`, `grant`, `expire`, `init`, or a runtime action.
    public var action: String
    /// The item acted on (`A-4821`, `R-190233`, an account).
    public var subject: String
    /// Done, refused or lost a race.
    public var outcome: AuditOutcome
    /// Details as a JSON object with sorted keys (reason, states before and after, message…).
    public var details: String
    /// The previous record's hash (64 zeros for the first).
    public var prevHash: String
    /// SHA-256 of this record's canonical encoding, hex.
    public var hash: String

    /// Creates a record; use `AuditChain.seal` to compute its hash.
    public init(
        seq: Int64, at: Date, actor: String, via: String?, action: String, subject: String, outcome: AuditOutcome,
        details: String, prevHash: String, hash: String
    ) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.via = via
        self.action = action
        self.subject = subject
        self.outcome = outcome
        self.details = details
        self.prevHash = prevHash
        self.hash = hash
    }
}

/// What an action wants written to the audit trail; the store gives it a place in the chain.
public struct AuditEntry: Sendable, Hashable {
    /// The actor.
    public var actor: Actor
    /// The action's name.
    public var action: String
    /// The item acted on.
    public var subject: String
    /// Done, refused or lost a race.
    public var outcome: AuditOutcome
    /// Details, written as a JSON object with sorted keys.
    public var details: [String: String]

    /// Creates an entry.
    public init(actor: Actor, action: String, subject: String, outcome: AuditOutcome, details: [String: String] = [:]) {
        self.actor = actor
        self.action = action
        self.subject = subject
        self.outcome = outcome
        self.details = details
    }

    /// The details as canonical JSON: sorted keys, no extra whitespace.
    public var detailsJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(details), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}
