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
        let entries = KeyHelp.entries(for: state.screen, identity: state.identity, keys: state.options.keyMap, tr: state.tr)
        let keysWidth = min(20, entries.map { DisplayWidth.of(Sanitizer.line(grid.tr.keyName($0.keys), charset: charset)) }.max() ?? 0) + 2
        let boxWidth = min(grid.width - 2, 78)
        let inner = boxWidth - 4
        let textWidth = max(8, inner - keysWidth)
        var lines: [Line] = []
        for entry in entries {
            let available = entry.unavailable == nil
            let action = available ? entry.action : entry.action + " " + grid.tr("(n/a)")
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
        // How to change the language, in the language shown: always on the line above the closing one.
        let language = grid.tr("Language: English; French with --language fr or LANG=fr_MA.UTF-8")
        // Between the header and the footer: borders, the language and the closing line around the keys, a blank
        // line if room.
        let area = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        let room = max(1, area.height - 4)
        if lines.count > room {
            // Scrolled with the up and down keys; the last line says what is left.
            let start = min(state.overlayScroll, lines.count - (room - 1))
            let below = lines.count - start - (room - 1)
            lines = Array(lines[start..<(start + room - 1)])
            let more = below > 0
                ? charset.ellipsis + " " + grid.tr("\(below) more: \(OverlayScrollHint.keys(state, down: true)) scrolls")
                : charset.ellipsis + " " + grid.tr("the end: \(OverlayScrollHint.keys(state, down: false)) scrolls back")
            lines.append(Line(keys: "", text: more, keyStyle: .normal, textStyle: .dim))
        } else if lines.count < room {
            lines.append(Line(keys: "", text: "", keyStyle: .normal, textStyle: .normal))
        }
        let box = area.centred(width: boxWidth, height: lines.count + 4)
        BoxFrame.draw(box, title: grid.tr("Keys \(glyphs.separator) \(state.screen.title(grid.tr))"), into: &grid, style: .normal,
                      borderStyle: .border, titleStyle: .title)
        for (offset, line) in lines.enumerated() {
            let y = box.y + 1 + offset
            grid.put(grid.tr.keyName(line.keys), x: box.x + 2, y: y, width: keysWidth - 2, style: line.keyStyle)
            grid.put(line.text, x: box.x + 2 + keysWidth, y: y, width: inner - keysWidth, style: line.textStyle)
        }
        let identity = state.identity
        let role = grid.tr.template(identity.role.rawValue)
        let who = identity.readOnly
            ? grid.tr("You are \(identity.actor) (\(role)), read-only session.") : grid.tr("You are \(identity.actor) (\(role)).")
        let closing = grid.tr("any key closes the help")
        let closingWidth = DisplayWidth.of(closing)
        grid.put(language, x: box.x + 2, y: box.maxY - 3, width: inner, style: .dim)
        let y = box.maxY - 2
        grid.put(who, x: box.x + 2, y: y, width: max(0, inner - closingWidth - 2), style: .dim)
        grid.put(closing, x: box.x + 2 + inner - closingWidth, y: y, style: .keyHint, maxWidth: inner)
    }
}
