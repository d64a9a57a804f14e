import ConsoleCore
import SafeText

/// Row b+1: the six screens as tabs, then a rule to the right edge; a screen may write a short note on the rule
/// (``drawNote(_:into:row:)``), e.g. `pending 23 · sort: due ↑`.
///
/// ```
///  1 Overview  2 Nodes  3 Runs [4 Approvals] 5 Institutes  6 Audit ─────── pending 23 · sort: due ↑ ─
///  1 Ovw 2 Nodes 3 Runs 4 Appr ●2 [5 Institutes] 6 Audit ──────────────────────────────────────────
/// ```
/// The current tab is in brackets and in ``StyleName/selected``, so it shows without colour. A badge follows
/// Approvals while new approvals wait unseen. When the terminal is narrow the other tabs are abbreviated, then
/// shown by number only; the numbers (the keys) always show.
enum TabRuleView {
    /// The columns the tabs leave for the rule and a list screen's note, when the terminal allows.
    static let roomForNote = 24

    static func render(_ state: ConsoleState, into grid: inout CellGrid, row: Int) {
        guard row >= 0, row < grid.height else { return }
        let charset = grid.charset
        grid.put(String(repeating: grid.glyphs.horizontal, count: grid.width), x: 0, y: row, style: .border)
        let variants = [tabs(state, glyphs: grid.glyphs, form: .full), tabs(state, glyphs: grid.glyphs, form: .short),
                        tabs(state, glyphs: grid.glyphs, form: .numbers)]
        let usable = grid.width - 2
        let reserve = state.screen.hasList ? roomForNote : 4
        let chosen = variants.first { StyledLine($0).width(charset: charset) + reserve <= usable }
            ?? variants.first { StyledLine($0).width(charset: charset) + 2 <= usable }
            ?? variants[variants.count - 1]
        let width = StyledLine(chosen).render(into: &grid, x: 1, y: row, width: usable)
        grid.put(" ", x: 0, y: row)
        grid.put(" ", x: 1 + width, y: row)
    }

    /// Writes `note` near the right end of the tab row, on the rule, if it fits without touching the tabs.
    static func drawNote(_ note: String, into grid: inout CellGrid, row: Int, style: StyleName = .dim) {
        guard row >= 0, row < grid.height else { return }
        // The rule starts after the last cell that is not part of it.
        var ruleStart = grid.width
        while ruleStart > 0, grid[ruleStart - 1, row].style == .border { ruleStart -= 1 }
        let safe = Sanitizer.line(note, charset: grid.charset)
        let room = grid.width - ruleStart - 6  // at least three rule cells on the left, one on the right, spaces
        guard room >= 8 else { return }
        let shown = TextFit.truncate(safe, toWidth: room, ellipsis: grid.charset.ellipsis)
        let width = DisplayWidth.of(shown)
        let x = grid.width - 2 - width
        grid.put(" ", x: x - 1, y: row, style: .border)
        grid.put(shown, x: x, y: row, style: style, maxWidth: width)
        grid.put(" ", x: x + width, y: row, style: .border)
    }

    private enum Form { case full, short, numbers }

    private static func tabs(_ state: ConsoleState, glyphs: GlyphSet, form: Form) -> [StyledLine.Part] {
        let tr = state.tr
        var spans: [StyledLine.Part] = []
        var previousWasCurrent = false
        for screen in Screen.allCases {
            let isCurrent = screen == state.screen
            if !spans.isEmpty { spans.append(.gap(form == .full && !isCurrent && !previousWasCurrent ? 2 : 1)) }
            if isCurrent {
                spans.append(StyledLine.Part("[\(screen.rawValue) \(screen.title(tr))]", .selected))
            } else {
                spans.append(StyledLine.Part("\(screen.rawValue)", .keyHint))
                let name = form == .full ? screen.title(tr) : (form == .short ? shortTitle(screen, tr) : "")
                if !name.isEmpty { spans.append(StyledLine.Part(" " + name)) }
            }
            if screen == .approvals, state.newApprovals > 0 {
                let count = ListFormat.count(state.newApprovals)
                if form == .full { spans.append(.gap(1)) }
                spans.append(StyledLine.Part(form == .full ? tr("\(glyphs.dot) \(count) new") : "\(glyphs.dot)\(count)", .badge))
            }
            previousWasCurrent = isCurrent
        }
        return spans
    }

    /// The short tab name in the language of `tr` (the catalogue's `tab:Ovw`… keys in French).
    private static func shortTitle(_ screen: Screen, _ tr: Localizer) -> String {
        tr.language == .english ? shortTitle(screen) : tr.template("tab:" + shortTitle(screen))
    }

    private static func shortTitle(_ screen: Screen) -> String {
        switch screen {
        case .overview: "Ovw"
        case .nodes: "Nodes"
        case .runs: "Runs"
        case .approvals: "Appr"
        case .institutes: "Inst"
        case .audit: "Audit"
        }
    }
}
