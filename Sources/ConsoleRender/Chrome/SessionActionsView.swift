import ConsoleCore
import FactoryModel
import Foundation
import SafeText

/// The `@` overlay: each action confirmed in this session, its outcome, and the command line that does the same,
/// so that operators learn the scriptable form.
///
/// ```
/// ┌─ What this session did · 2 actions ──────────────────────────────────────┐
/// │ 03:12:45  cancel R-190233                       ✓ done                   │
/// │   fusion-console cancel R-190233 --reason 'runaway: 3x its GPU budget'   │
/// │ 03:13:02  reroute R-190240 → benguerir-gpu       taken back, not sent    │
/// │   fusion-console reroute R-190240 --to benguerir-gpu --reason 'Dakhla'   │
/// └──────────────────────────────────────────────────────────────────────────┘
/// ```
enum SessionActionsView {
    private struct Line {
        var parts: [StyledLine.Part]
    }

    static func render(_ state: ConsoleState, into grid: inout CellGrid) {
        let glyphs = grid.glyphs
        let charset = grid.charset
        let boxWidth = min(grid.width - 2, 100)
        let inner = boxWidth - 4
        var lines: [Line] = []
        if state.sessionActions.isEmpty {
            for part in WrappedText.lines(
                grid.tr("No action yet in this session. Each action you confirm is listed here with the command line that does the same."),
                width: inner, charset: charset) {
                lines.append(Line(parts: [StyledLine.Part(part, .dim)]))
            }
        }
        for entry in state.sessionActions.reversed() {
            let outcome = self.outcome(entry, now: state.now, glyphs: glyphs, tr: grid.tr)
            lines.append(Line(parts: [StyledLine.Part(ListFormat.clock(entry.at) + "  ", .dim), StyledLine.Part(entry.label, .title),
                                      StyledLine.Part("  "), outcome]))
            for part in WrappedText.lines(state.commandLine(for: entry), width: inner - 2, charset: charset) {
                lines.append(Line(parts: [StyledLine.Part("  "), StyledLine.Part(part, .info)]))
            }
        }
        let area = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        let room = max(1, area.height - 3)
        if lines.count > room {
            let start = min(state.overlayScroll, lines.count - (room - 1))
            let below = lines.count - start - (room - 1)
            lines = Array(lines[start..<(start + room - 1)])
            let more = below > 0
                ? charset.ellipsis + " " + grid.tr("\(below) more lines: \(OverlayScrollHint.keys(state, down: true)) scrolls")
                : charset.ellipsis + " " + grid.tr("the end: \(OverlayScrollHint.keys(state, down: false)) scrolls back")
            lines.append(Line(parts: [StyledLine.Part(more, .dim)]))
        } else {
            lines.append(Line(parts: []))
        }
        let box = area.centred(width: boxWidth, height: lines.count + 3)
        let count = state.sessionActions.count
        let title = count == 1 ? grid.tr("What this session did \(glyphs.separator) 1 action, newest first")
            : grid.tr("What this session did \(glyphs.separator) \(count) actions, newest first")
        BoxFrame.draw(box, title: title,
                      into: &grid, style: .normal, borderStyle: .border, titleStyle: .title)
        for (offset, line) in lines.enumerated() {
            StyledLine(line.parts).render(into: &grid, x: box.x + 2, y: box.y + 1 + offset, width: inner)
        }
        let closing = grid.tr("any key closes")
        grid.put(closing, x: box.x + 2 + inner - DisplayWidth.of(closing), y: box.maxY - 2, style: .keyHint, maxWidth: inner)
    }

    private static func outcome(_ entry: SessionAction, now: Date, glyphs: GlyphSet, tr: Localizer) -> StyledLine.Part {
        switch entry.outcome {
        case .held(let until):
            let left = max(0, Int(until.timeIntervalSince(now).rounded(.up)))
            return StyledLine.Part(tr("held, sent in \(left) s"), .warn)
        case .sending: return StyledLine.Part(tr("sending") + glyphs.ellipsis, .info)
        case .done(let message): return StyledLine.Part("\(glyphs.ok) \(message)", .ok)
        case .refused(let message): return StyledLine.Part("\(glyphs.fail) \(message)", .critical)
        case .takenBack: return StyledLine.Part(tr("taken back, not sent"), .dim)
        }
    }
}
