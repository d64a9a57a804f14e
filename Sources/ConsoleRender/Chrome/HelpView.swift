import ConsoleCore
import SafeText

/// The `?` overlay: every key of the current screen in a centred box, with the actions this session may not take
/// marked `(n/a)` and the reason under them (`✗ needs the supervisor role (you are operator)`).
///
/// ```
/// ┌─ Keys · Approvals ─────────────────────────────────────────┐
/// │ a                approve (n/a)                             │
/// │                  ✗ needs the supervisor role (you are operator)
/// │ r                reject (reason required)                  │
/// │ …                                                          │
/// │ You are ops-nuit (operator).       any key closes the help │
/// └────────────────────────────────────────────────────────────┘
/// ```
/// The box stays between the header and the footer; in a short terminal the list is cut and says so.
enum HelpView {
    /// One line of the key list.
    private struct Line {
        var keys: String
        var text: String
        var keyStyle: StyleName
        var textStyle: StyleName
    }

    static func render(_ state: ConsoleState, into grid: inout CellGrid) {
        let glyphs = grid.glyphs
        let charset = grid.charset
        let entries = KeyHelp.entries(for: state.screen, identity: state.identity, keys: state.options.keyMap)
        let keysWidth = min(18, entries.map { DisplayWidth.of(Sanitizer.line($0.keys, charset: charset)) }.max() ?? 0) + 2
        let boxWidth = min(grid.width - 2, 78)
        let inner = boxWidth - 4
        let textWidth = max(8, inner - keysWidth)
        var lines: [Line] = []
        for entry in entries {
            let available = entry.unavailable == nil
            let action = available ? entry.action : entry.action + " (n/a)"
            for (index, part) in WrappedText.lines(action, width: textWidth, charset: charset).enumerated() {
                lines.append(Line(keys: index == 0 ? entry.keys : "", text: part, keyStyle: available ? .keyHint : .dim,
                                  textStyle: available ? .normal : .dim))
            }
            if let reason = entry.unavailable {
                for part in WrappedText.lines("\(glyphs.fail) \(reason)", width: textWidth, charset: charset) {
                    lines.append(Line(keys: "", text: part, keyStyle: .normal, textStyle: .warn))
                }
            }
        }
        // Between the header and the footer: borders and the closing line around the keys, a blank line if room.
        let area = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        let room = max(1, area.height - 3)
        if lines.count > room {
            // Scrolled with the up and down keys; the last line says what is left.
            let start = min(state.overlayScroll, lines.count - (room - 1))
            let below = lines.count - start - (room - 1)
            lines = Array(lines[start..<(start + room - 1)])
            let more = below > 0 ? "\(charset.ellipsis) \(below) more: \(OverlayScrollHint.keys(state, down: true)) scrolls"
                : "\(charset.ellipsis) the end: \(OverlayScrollHint.keys(state, down: false)) scrolls back"
            lines.append(Line(keys: "", text: more, keyStyle: .normal, textStyle: .dim))
        } else if lines.count < room {
            lines.append(Line(keys: "", text: "", keyStyle: .normal, textStyle: .normal))
        }
        let box = area.centred(width: boxWidth, height: lines.count + 3)
        BoxFrame.draw(box, title: "Keys \(glyphs.separator) \(state.screen.title)", into: &grid, style: .normal,
                      borderStyle: .border, titleStyle: .title)
        for (offset, line) in lines.enumerated() {
            let y = box.y + 1 + offset
            grid.put(line.keys, x: box.x + 2, y: y, width: keysWidth - 2, style: line.keyStyle)
            grid.put(line.text, x: box.x + 2 + keysWidth, y: y, width: inner - keysWidth, style: line.textStyle)
        }
        let identity = state.identity
        let who = "You are \(identity.actor) (\(identity.role.rawValue))"
            + (identity.readOnly ? ", read-only session" : "") + "."
        let closing = "any key closes the help"
        let closingWidth = DisplayWidth.of(closing)
        let y = box.maxY - 2
        grid.put(who, x: box.x + 2, y: y, width: max(0, inner - closingWidth - 2), style: .dim)
        grid.put(closing, x: box.x + 2 + inner - closingWidth, y: y, style: .keyHint, maxWidth: inner)
    }
}
