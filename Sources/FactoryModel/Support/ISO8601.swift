import Foundation

/// ISO-8601 UTC times as printed by the command line, written in the audit chain and accepted in input.
public enum ISO8601 {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let withoutFraction = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// `2026-11-21T03:12:45.123Z`: UTC with milliseconds, the canonical form.
    public static func string(from date: Date) -> String {
        withFraction.format(date)
    }

    /// Parses `2026-11-21T03:12:45Z`, with or without fractional seconds.
    public static func date(from text: String) -> Date? {
        (try? withFraction.parse(text)) ?? (try? withoutFraction.parse(text))
    }
}
