import ConsoleCore
import SafeText

extension StatusLineView {
    /// The held actions' countdown, first in the status line: `cancel R-190233 in 4 s · u takes back ·`.
    static func heldSpans(_ state: ConsoleState, glyphs: GlyphSet) -> [StyledLine.Part] {
        // While quitting is being confirmed, the question alone is shown: it names the held actions.
        guard let latest = state.held.last, !state.quitAsked else { return [] }
        let label = state.sessionActions.indices.contains(latest.entry) ? state.sessionActions[latest.entry].label
            : latest.action.name + " " + latest.action.subject
        var spans = [StyledLine.Part(state.tr("\(label) in \(latest.secondsLeft(at: state.now)) s"), .warn)]
        if state.held.count > 1 { spans.append(StyledLine.Part(" " + state.tr("(+\(state.held.count - 1) held)"), .warn)) }
        if let undo = state.options.keyMap.primaryLabel(for: .undo) {
            spans += [StyledLine.Part(" \(glyphs.separator) "), StyledLine.Part(undo, .keyHint), StyledLine.Part(" " + state.tr("takes back"))]
        }
        spans.append(StyledLine.Part(" \(glyphs.separator) "))
        return spans
    }

    /// The console's own figures at the right of the status line, when shown and when they leave `leaving` columns
    /// to the rest; returns the width left for the rest.
    static func renderSelfStats(_ state: ConsoleState, into grid: inout CellGrid, row: Int, width: Int, leaving: Int) -> Int {
        guard state.showSelf else { return width }
        let text = state.selfStats?.summary ?? grid.tr("measuring") + grid.charset.ellipsis
        let textWidth = DisplayWidth.of(Sanitizer.line(text, charset: grid.charset))
        guard textWidth + 2 + leaving <= width else { return width }
        grid.put(text, x: 1 + width - textWidth, y: row, style: .dim, maxWidth: textWidth)
        return max(0, width - textWidth - 2)
    }
}
