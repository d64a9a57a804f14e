import Foundation

/// ISO-8601 UTC times as printed by the command line, written in the audit chain and accepted in input.
public enum ISO8601 {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let withoutFraction = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// `2026-11-21T03:12:45.123Z`: UTC with milliseconds, the canonical form.
    ///
    /// Times from 1970 to 9999 are written directly (the audit chain formats one per record it hashes, a million when
    /// a long trail is verified), exactly as `Date.ISO8601FormatStyle` writes them: the fraction of the second cut,
    /// not rounded, to milliseconds. Other times go through the format style.
    public static func string(from date: Date) -> String {
        let time = date.timeIntervalSince1970
        guard time >= 0, time < 253_402_300_800 else { return withFraction.format(date) }
        return direct(time)
    }

    /// The format style's own text, for checking ``string(from:)`` against it.
    public static func formatStyleString(from date: Date) -> String {
        withFraction.format(date)
    }

    /// Parses `2026-11-21T03:12:45Z`, with or without fractional seconds.
    public static func date(from text: String) -> Date? {
        (try? withFraction.parse(text)) ?? (try? withoutFraction.parse(text))
    }

    private static let digits = Array("0123456789".utf8)

    /// `time` (seconds since 1970, below year 10000) as `YYYY-MM-DDTHH:MM:SS.mmmZ`, the civil date computed from the
    /// day number (the proleptic Gregorian calendar, as the format style uses).
    private static func direct(_ time: Double) -> String {
        let whole = time.rounded(.down)
        let millis = min(999, Int64((time - whole) * 1000))
        let seconds = Int64(whole)
        let days = seconds / 86_400
        let rest = seconds - days * 86_400
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(unsafeUninitializedCapacity: 24) { buffer in
            func put(_ value: Int64, width: Int, at start: Int) {
                var rest = value
                for index in stride(from: start + width - 1, through: start, by: -1) {
                    buffer[index] = digits[Int(rest % 10)]
                    rest /= 10
                }
            }
            put(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(rest / 3600, width: 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(rest / 60 % 60, width: 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(rest % 60, width: 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(millis, width: 3, at: 20)
            buffer[23] = UInt8(ascii: "Z")
            return 24
        }
    }
}
