import ConsoleCore
import SafeText

/// A list screen's note on the tab rule: `79 nodes (3 down) · sort: name ↑`, its parts in their own styles.
///
/// The note is placed by ``TabRuleView/drawNote(_:into:row:style:)`` at the right end of the tab row. A screen
/// gives its note in several forms, the fullest first; the first that fits in the room the tabs leave is drawn
/// (the last is cut when none fits). When a form was drawn whole, each part then takes its own style, so that a
/// broken audit chain or stale registry data stands out. Words carry the meaning; the styles only repeat it.
enum ScreenNote {
    /// Draws the first form of the note that fits on `row` (the layout's `banners + 1`).
    static func draw(_ forms: [[StyledLine.Part]], into grid: inout CellGrid, row: Int) {
        guard row >= 0, row < grid.height else { return }
        let charset = grid.charset
        let room = self.room(in: grid, row: row)
        let safeForms = forms.map { form in form.map { StyledLine.Part(Sanitizer.line($0.text, charset: charset), $0.style) } }
        guard let chosen = safeForms.first(where: { DisplayWidth.of($0.map(\.text).joined()) <= room }) ?? safeForms.last
        else { return }
        let text = chosen.map(\.text).joined()
        guard !text.isEmpty else { return }
        TabRuleView.drawNote(text, into: &grid, row: row, style: .dim)
        // Drawn whole? It then ends two columns before the right edge.
        let width = DisplayWidth.of(text)
        let start = grid.width - 2 - width
        guard start > 0, shown(in: grid, row: row, from: start, width: width) == text else { return }
        var x = start
        for part in chosen {
            let partWidth = DisplayWidth.of(part.text)
            grid.setStyle(part.style, in: Rect(x: x, y: row, width: partWidth, height: 1))
            x += partWidth
        }
    }

    /// One piece of a note and how much it matters (higher stays longer when room is short).
    struct Segment {
        /// The segment in full: `filter: state:queued`.
        var parts: [StyledLine.Part]
        /// A shorter way to say it when room is short: `/state:queued`.
        var compact: [StyledLine.Part]
        /// Higher stays longer.
        var priority: Int

        init(_ parts: [StyledLine.Part], compact: [StyledLine.Part]? = nil, priority: Int) {
            self.parts = parts
            self.compact = compact ?? parts
            self.priority = priority
        }

        /// The filter in effect: `filter: state:queued`, or `/state:queued` when room is short.
        static func filter(_ text: String, priority: Int, _ tr: Localizer) -> Segment {
            Segment([.init(tr("filter: "), .dim), .init(text, .info)], compact: [.init("/", .dim), .init(text, .info)], priority: priority)
        }
    }

    /// The forms of a note made of `segments`, fullest first: all of them, then all in their compact form, then
    /// without the least important (full, then compact), and so on; each keeps the segments' order, joined by
    /// `separator` (in dim).
    static func forms(_ segments: [Segment], separator: String) -> [[StyledLine.Part]] {
        let priorities = Set(segments.map(\.priority)).sorted()
        var forms: [[StyledLine.Part]] = []
        for least in priorities {
            let kept = segments.filter { $0.priority >= least }
            for compact in [false, true] {
                var parts: [StyledLine.Part] = []
                for (index, segment) in kept.enumerated() {
                    if index > 0 { parts.append(.init(separator, .dim)) }
                    parts += compact ? segment.compact : segment.parts
                }
                if forms.last != parts { forms.append(parts) }
            }
        }
        return forms
    }

    /// The columns the tab rule leaves for a note, as ``TabRuleView/drawNote(_:into:row:style:)`` measures them:
    /// the rule after the tabs, less three rule cells on the left, one on the right and two spaces.
    static func room(in grid: CellGrid, row: Int) -> Int {
        var ruleStart = grid.width
        while ruleStart > 0, grid[ruleStart - 1, row].style == .border { ruleStart -= 1 }
        return grid.width - ruleStart - 6
    }

    /// The text of `width` cells of `row` from `start`.
    private static func shown(in grid: CellGrid, row: Int, from start: Int, width: Int) -> String {
        var text = ""
        for x in start..<(start + width) where !grid[x, row].isContinuation { text += grid[x, row].grapheme }
        return text
    }
}
