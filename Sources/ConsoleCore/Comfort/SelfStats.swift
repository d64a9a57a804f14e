/// The console's own figures, sampled about once a second by the live loop, for the status line (`%` or
/// `[console] show_self = true`): is the console itself the problem on a slow link or a busy host?
public struct SelfStats: Sendable, Hashable {
    /// Share of one CPU used by the process since the last sample, in percent.
    public var cpuPercent: Double
    /// Resident memory, in bytes.
    public var residentBytes: Int
    /// Store reads asked for in the last minute.
    public var storePollsPerMinute: Int
    /// Registry answers received in the last minute (nil when no registry is configured).
    public var registryPollsPerMinute: Int?
    /// Bytes written to the terminal per second since the last sample (nil when the system cannot count them).
    public var terminalBytesPerSecond: Double?

    /// Creates a sample.
    public init(
        cpuPercent: Double, residentBytes: Int, storePollsPerMinute: Int, registryPollsPerMinute: Int?,
        terminalBytesPerSecond: Double?
    ) {
        self.cpuPercent = cpuPercent
        self.residentBytes = residentBytes
        self.storePollsPerMinute = storePollsPerMinute
        self.registryPollsPerMinute = registryPollsPerMinute
        self.terminalBytesPerSecond = terminalBytesPerSecond
    }

    /// The figures as the status line shows them, short enough for 80 columns:
    /// `cpu 1.2% rss 38.0M store 30/min reg 30/min tty 1.4K/s` (reg: registry answers; tty: bytes to the terminal).
    public var summary: String {
        var parts = [
            "cpu " + Self.decimal(cpuPercent) + "%",
            "rss " + Self.bytes(Double(residentBytes)),
            "store \(storePollsPerMinute)/min",
        ]
        if let registryPollsPerMinute { parts.append("reg \(registryPollsPerMinute)/min") }
        parts.append("tty " + (terminalBytesPerSecond.map { Self.bytes($0) + "/s" } ?? "n/a"))
        return parts.joined(separator: " ")
    }

    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func bytes(_ value: Double) -> String {
        switch value {
        case ..<1024: "\(Int(value.rounded()))B"
        case ..<(1024 * 1024): decimal(value / 1024) + "K"
        default: decimal(value / 1024 / 1024) + "M"
        }
    }
}
