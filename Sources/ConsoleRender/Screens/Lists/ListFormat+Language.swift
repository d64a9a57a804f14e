import ConsoleCore
import Foundation

/// Durations, ages and counted nouns in the console's language. English keeps its compact forms (`42s`, `5m`,
/// `12m ago`); French writes `42 s`, `5 min`, `3 h`, `2 j`, `il y a 12 min`, `dans 3 j` and `0 projet`, `2 projets`.
/// Numbers keep their spaced thousands (`12 345`) in both; times stay UTC and ISO.
extension ListFormat {
    /// A duration in its largest whole unit, in the language of `tr`.
    static func duration(_ seconds: TimeInterval, _ tr: Localizer) -> String {
        guard tr.language == .french else { return duration(seconds) }
        let whole = Int(max(0, seconds.isFinite ? seconds : 0))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min" }
        if whole < 86_400 { return "\(whole / 3600) h" }
        return "\(whole / 86_400) j"
    }

    /// `12m ago` / `il y a 12 min`, or `in 3d` / `dans 3 j` for a time ahead of `now`.
    static func relative(_ date: Date, now: Date, _ tr: Localizer) -> String {
        guard tr.language == .french else { return relative(date, now: now) }
        let seconds = now.timeIntervalSince(date)
        return seconds >= 0 ? "il y a \(duration(seconds, tr))" : "dans \(duration(-seconds, tr))"
    }

    /// A count and its noun in the language of `tr`: `1 project`, `12 projects`; `0 projet`, `12 projets` (French
    /// keeps the singular below two). The noun and its plural are catalogue keys.
    static func counted(_ value: Int, _ noun: String, plural: String? = nil, _ tr: Localizer) -> String {
        "\(count(value)) \(self.noun(noun, for: value, plural: plural, tr))"
    }

    /// The noun alone, singular or plural for `value`, in the language of `tr`.
    static func noun(_ noun: String, for value: Int, plural: String? = nil, _ tr: Localizer) -> String {
        let singular = tr.language == .french ? value.magnitude < 2 : value == 1
        return tr.template(singular ? noun : plural ?? noun + "s")
    }
}
