/// `[oversight]`: reversing decisions, escalating approvals near their deadline, and the oversight report.
/// Every value is in seconds, like `[console] refresh`.
public struct OversightSettings: Sendable, Equatable {
    /// `reverse_window`: how long after a decision it may be reversed (while its run has not acted on it).
    public var reverseWindow: Double = 600
    /// `escalation_warning`: how long before its deadline a pending approval is highlighted as near its deadline.
    public var escalationWarning: Double = 900
    /// `min_reading_time`: decisions faster than this are counted as possible rubber-stamping in the report.
    public var minReadingTime: Double = 15

    /// Creates the defaults.
    public init() {}

    /// Reads `[oversight]` strictly.
    static func read(_ table: TableReader) throws(ConfigError) -> OversightSettings {
        try table.allowOnly(["reverse_window", "escalation_warning", "min_reading_time"])
        var value = OversightSettings()
        value.reverseWindow = try table.number("reverse_window", in: 0...86_400) ?? value.reverseWindow
        value.escalationWarning = try table.number("escalation_warning", in: 0...604_800) ?? value.escalationWarning
        value.minReadingTime = try table.number("min_reading_time", in: 0...3600) ?? value.minReadingTime
        return value
    }
}
