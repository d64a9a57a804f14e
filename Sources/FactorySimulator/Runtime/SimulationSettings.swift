import Foundation

/// The rates and delays of the simulated runtime, in simulated seconds.
///
/// The defaults are tuned so that the demo visibly moves at speed 1 while its level of activity stays close to
/// the demo factory's (about sixty runs queued, fifty running, twenty waiting for a human):
///
/// | what | default |
/// |---|---|
/// | new runs | 4 a minute at the target queue (55), up to 7 when it is short, 1 when it is long |
/// | waiting before the scheduler looks at a run | 3–25 s |
/// | run length | 1–10 min (edge), 3–25 min (CPU), 8–40 min (GPU), 20–60 min (8 GPUs) |
/// | runs that fail | 10 % (and half the runs on an edge site when it drops) |
/// | runs that ask a human | 12 % of those started, at 15–60 % of their length |
/// | approval deadline | 15–60 min (low risk), 8–45 min (medium), 4–30 min (high) |
/// | fewer than 10 approvals pending | one more asked every 30 s until there are 10 |
/// | acknowledging a cancel or a reroute | 2–6 s after the request |
/// | acting on a decision | 1–3 s after it |
/// | an edge site dropping | first after 1.5–4 min, then every 8–20 min, for 2–5 min |
///
/// In the first half-minute the simulation makes sure an operator sees something happen: a submission after
/// about 4 s, a run finishing within 6–14 s and an agent asking for approval within 12–18 s.
public struct SimulationSettings: Sendable, Hashable {
    /// Runs submitted per simulated minute when the queue is at its target length.
    public var submissionsPerMinute: Double = 4
    /// The queue length the submission rate steers towards.
    public var targetQueued: Int = 55
    /// Seconds before the scheduler considers a newly seen queued run.
    public var schedulingDelay: ClosedRange<Double> = 3...25
    /// Seconds a queued run may wait before its pool stops backfilling smaller runs past it.
    public var headOfLineWait: Double = 300
    /// Share of runs that end as failed.
    public var failureShare: Double = 0.1
    /// Share of started runs (of projects with decisions to flag) that ask a human on the way.
    public var approvalShare: Double = 0.12
    /// Share of the runs found running at start-up that will ask a human.
    public var approvalShareAtStart: Double = 0.05
    /// Fewer pending approvals than this (an old demo store whose approvals all expired, supervisors who decided
    /// everything) and a running run is made to ask a human, at most one every ``topUpInterval`` seconds.
    public var minimumPending: Int = 10
    /// Seconds between two approvals asked to keep ``minimumPending``.
    public var topUpInterval: Double = 30
    /// Seconds before the runtime confirms an operator's cancel or reroute.
    public var acknowledgeDelay: ClosedRange<Double> = 2...6
    /// Seconds before the runtime acts on a final decision.
    public var decisionDelay: ClosedRange<Double> = 1...3
    /// The longest simulated step; longer advances are cut into steps of this length.
    public var maxStep: Double = 5
    /// Most runs submitted in one step (a long pause is not made up in one burst).
    public var maxSubmissionsPerStep: Int = 20
    /// Whether the first half-minute is staged (a submission, a finish, an approval request); off for tests that
    /// want only the steady rates.
    public var stagedOpening: Bool = true
    /// Seconds until the first edge outage.
    public var firstOutage: ClosedRange<Double> = 90...240
    /// Seconds between edge outages.
    public var outageGap: ClosedRange<Double> = 480...1_200
    /// How long an edge site stays down.
    public var outageLength: ClosedRange<Double> = 120...300
    /// Share of the runs on a dropped edge node that fail with it.
    public var outageFailureShare: Double = 0.5

    /// The default settings.
    public init() {}
}
