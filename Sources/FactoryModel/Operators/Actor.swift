/// Who is acting: the operating-system account of the effective uid, or the account root acts for with `--as`.
public struct Actor: Sendable, Hashable, CustomStringConvertible {
    /// The account the act is attributed to.
    public var account: String
    /// `root` when root acts on the account's behalf; nil otherwise.
    public var via: String?

    /// Creates an actor.
    public init(account: String, via: String? = nil) {
        self.account = account
        self.via = via
    }

    /// `ops-nuit`, or `ops-nuit via root`.
    public var description: String {
        if let via { return "\(account) via \(via)" }
        return account
    }

    /// The actor the factory's runtime (the simulator, the scheduler) acts as.
    public static let runtime = Actor(account: "fusion-runtime")
}
