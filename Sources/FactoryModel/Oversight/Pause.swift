import Foundation

/// Identifies a pause (the console's stop button), printed `H-2` (for "halt": `P-` is taken by projects).
public struct PauseID: PrefixedID {
    public static let prefix: Character = "H"
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// What a pause stops: one pool, or every pool of a site.
public enum PauseScope: String, Codable, Sendable, CaseIterable {
    case pool
    case site
}

/// What happens to the work already running where a pause applies.
public enum PauseMode: String, Codable, Sendable, CaseIterable {
    /// Running work finishes; nothing new starts.
    case `continue`
    /// Running work is asked to stop (a cancel request attributed to the pause); nothing new starts.
    case drain
}

/// Where a pause stands: a site pause waits for a second supervisor; a pool pause is active at once.
public enum PauseState: String, Codable, Sendable, CaseIterable {
    /// A site pause requested by one supervisor, not yet confirmed by another. Nothing is paused yet.
    case awaitingConfirmation = "awaiting_confirmation"
    /// The runtime starts nothing new on the paused capacity.
    case active
    /// Lifted (resumed); kept for the record.
    case lifted

    /// `awaiting confirmation`, `active`, `lifted`.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// A pause of a pool or a whole site: who asked, who confirmed, who lifted it, and why.
public struct Pause: Sendable, Hashable, Identifiable {
    /// The pause's id, printed `H-2`.
    public var id: PauseID
    /// Pool or site.
    public var scope: PauseScope
    /// The pool's or site's slug, e.g. `dakhla-gpu` or `dakhla`.
    public var target: String
    /// Continue or drain running work.
    public var mode: PauseMode
    /// Why it was asked. Untrusted text.
    public var reason: String
    /// The supervisor who asked.
    public var requestedBy: String
    /// When it was asked.
    public var requestedAt: Date
    /// The second supervisor who confirmed a site pause (a pool pause needs none).
    public var confirmedBy: String?
    /// When it was confirmed.
    public var confirmedAt: Date?
    /// The supervisor who lifted it.
    public var liftedBy: String?
    /// When it was lifted.
    public var liftedAt: Date?
    /// Why it was lifted. Untrusted text.
    public var liftReason: String?

    /// Creates a pause.
    public init(
        id: PauseID, scope: PauseScope, target: String, mode: PauseMode, reason: String, requestedBy: String,
        requestedAt: Date, confirmedBy: String? = nil, confirmedAt: Date? = nil, liftedBy: String? = nil,
        liftedAt: Date? = nil, liftReason: String? = nil
    ) {
        self.id = id
        self.scope = scope
        self.target = target
        self.mode = mode
        self.reason = reason
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
        self.liftedBy = liftedBy
        self.liftedAt = liftedAt
        self.liftReason = liftReason
    }

    /// Awaiting confirmation, active or lifted.
    public var state: PauseState {
        if liftedAt != nil { return .lifted }
        if scope == .pool || confirmedAt != nil { return .active }
        return .awaitingConfirmation
    }

    /// True when a site pause still needs a second supervisor.
    public var needsConfirmation: Bool { state == .awaitingConfirmation }

    /// `pool dakhla-gpu` or `site dakhla`.
    public var label: String { "\(scope.rawValue) \(target)" }

    /// True when this pause, once active, stops new work on `pool` (of `site`).
    public func covers(pool: String, site: String) -> Bool {
        switch scope {
        case .pool: target == pool
        case .site: target == site
        }
    }
}
