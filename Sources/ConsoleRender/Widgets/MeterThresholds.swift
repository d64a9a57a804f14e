/// The limits that turn a percentage into ok, warn or critical.
///
/// By default: ok below 75 %, warn from 75 % and below 90 %, critical from 90 %.
public struct MeterThresholds: Sendable, Hashable {
    /// The lowest percentage that is ``MeterLevel/warn``.
    public var warn: Double
    /// The lowest percentage that is ``MeterLevel/critical``.
    public var critical: Double

    /// Thresholds in percent (`warn` ≤ `critical`).
    public init(warn: Double = 75, critical: Double = 90) {
        self.warn = warn
        self.critical = max(warn, critical)
    }

    /// ok < 75 ≤ warn < 90 ≤ critical.
    public static let standard = MeterThresholds()

    /// The level of a percentage.
    public func level(of percent: Double) -> MeterLevel {
        if percent >= critical { return .critical }
        if percent >= warn { return .warn }
        return .ok
    }
}

/// How worrying a meter's value is.
public enum MeterLevel: Sendable, Hashable, CaseIterable {
    /// Below the warn threshold.
    case ok
    /// From the warn threshold, below the critical one.
    case warn
    /// From the critical threshold.
    case critical

    /// The style that shows this level.
    public var style: StyleName {
        switch self {
        case .ok: .ok
        case .warn: .warn
        case .critical: .critical
        }
    }
}
