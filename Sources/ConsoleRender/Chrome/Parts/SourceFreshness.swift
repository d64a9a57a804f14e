import Foundation
import ConsoleCore

/// How fresh a data source looks on screen: `store ✓ 1s`, `registry ✗ stale 42s`, `registry — none`.
///
/// The mark (`✓`/`✗`, or `+`/`x` in ASCII) and the words carry the meaning; the style only repeats it.
struct SourceFreshness {
    /// The source's name as shown (`store`, `registry`, `prometheus`).
    var label: String
    /// Its status.
    var status: SourceStatus
    /// The time shown on screen.
    var now: Date
    /// The refresh interval, which decides when data is stale.
    var interval: TimeInterval

    /// Whether the data is missing or too old to be trusted (never for a source that is not configured).
    var isStale: Bool { status.isStale(at: now, interval: interval) }

    /// The spans: the label, the mark, and the age or the trouble.
    func spans(glyphs: GlyphSet, tr: Localizer) -> [StyledLine.Part] {
        guard status.configured else { return [StyledLine.Part(tr("\(label) — none"), .dim)] }
        let age = status.age(at: now).map { ListFormat.duration($0, tr) }
        if !isStale, let age {
            return [StyledLine.Part(label + " "), StyledLine.Part(glyphs.ok, .ok), StyledLine.Part(" " + age, .dim)]
        }
        let words: String
        if let age {
            words = tr("stale \(age)")
        } else if status.error != nil {
            words = tr("down")
        } else {
            words = tr("waiting")
        }
        return [StyledLine.Part(label + " ", .critical), StyledLine.Part(glyphs.fail + " " + words, .critical)]
    }

    /// The short form for a section rule: `✗ stale 42s` (nothing when fresh or not configured).
    func staleNote(glyphs: GlyphSet, tr: Localizer) -> String? {
        guard status.configured, isStale else { return nil }
        return spans(glyphs: glyphs, tr: tr).dropFirst().map(\.text).joined()
    }
}
