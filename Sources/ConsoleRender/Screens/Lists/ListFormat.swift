import Foundation

/// How the list screens write times, ages and counts: short, fixed forms an operator reads at a glance.
///
/// Every time is UTC (the factory's consoles show UTC everywhere, as the header's clock does).
enum ListFormat {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// `03:12:45`: the time of day, UTC.
    static func clock(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return "\(two(parts.hour ?? 0)):\(two(parts.minute ?? 0)):\(two(parts.second ?? 0))"
    }

    /// `03:12`: hours and minutes, UTC.
    static func shortClock(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(two(parts.hour ?? 0)):\(two(parts.minute ?? 0))"
    }

    /// `2026-12-03`: the day, UTC.
    static func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.year ?? 0)-\(two(parts.month ?? 0))-\(two(parts.day ?? 0))"
    }

    /// `03:12:45` on the day of `now`, `11-20 22:10` on another day: short and unambiguous in a list.
    static func moment(_ date: Date, now: Date) -> String {
        if calendar.isDate(date, inSameDayAs: now) { return clock(date) }
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        return "\(two(parts.month ?? 0))-\(two(parts.day ?? 0)) \(two(parts.hour ?? 0)):\(two(parts.minute ?? 0))"
    }

    /// `2026-11-21 03:12:45Z`: a full UTC time for detail panes.
    static func full(_ date: Date) -> String {
        "\(day(date)) \(clock(date))Z"
    }

    /// The age of `date` at `now` in one unit: `0s`, `42s`, `5m`, `3h`, `2d` (a time in the future counts as `0s`).
    static func age(_ date: Date, now: Date) -> String {
        duration(max(0, now.timeIntervalSince(date)))
    }

    /// A duration in its largest whole unit: `42s`, `5m`, `3h`, `2d`.
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(max(0, seconds.isFinite ? seconds : 0))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" }
        if whole < 86_400 { return "\(whole / 3600)h" }
        return "\(whole / 86_400)d"
    }

    /// `12m ago`, or `in 3d` for a time ahead of `now`.
    static func relative(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        return seconds >= 0 ? "\(duration(seconds)) ago" : "in \(duration(-seconds))"
    }

    /// `12 345`: an integer with its thousands set apart by spaces, as French-speaking operators write them.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(" ") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A count and its noun, plural when needed: `1 project`, `12 projects`.
    static func counted(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count(value)) \(value == 1 ? noun : plural ?? noun + "s")"
    }

    /// `45%` from a fraction already in percent.
    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "--" }
        return "\(Int(value.rounded()))%"
    }

    /// `52.1`: a number with `places` decimals (half away from zero), without locale surprises.
    static func decimal(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "--" }
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        var text = count(whole)
        if places > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, places - digits.count)) + digits
        }
        return value < 0 && scaled > 0 ? "-" + text : text
    }

    /// A hash cut to its first and last characters: `3f2a9c0d…9e41b7aa`.
    static func shortHash(_ hash: String, ellipsis: String) -> String {
        guard hash.count > 18 else { return hash }
        return String(hash.prefix(8)) + ellipsis + String(hash.suffix(8))
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
