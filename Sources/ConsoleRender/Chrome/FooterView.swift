import ConsoleCore
import SafeText

/// Row h-1: the keys that matter here, `a approve  r reject  Enter details  / filter  s sort  ? help  q quit`.
///
/// An action this session may not take is dimmed *and* marked `(n/a)`; `?` says why. While a dialog, the help,
/// a filter or a command has the keyboard, the footer shows that mode's keys instead. When the terminal is
/// narrow the gaps shrink, then the least useful keys go; `?` and `q` always stay.
enum FooterView {
    /// One key and its label as the footer shows it.
    struct Item: Equatable {
        var keys: String
        var label: String
        var available = true
        /// Kept whatever the width (`?`, `q`, and the screen's actions).
        var essential = false
    }

    static func render(_ state: ConsoleState, into grid: inout CellGrid, row: Int) {
        guard row >= 0, row < grid.height, grid.width > 2 else { return }
        var items = self.items(for: state)
        let charset = grid.charset
        let width = grid.width - 2
        for gap in [2, 1] where StyledLine(spans(items, gap: gap, notAvailable: grid.tr("(n/a)"), tr: grid.tr)).width(charset: charset) <= width {
            StyledLine(spans(items, gap: gap, notAvailable: grid.tr("(n/a)"), tr: grid.tr)).render(into: &grid, x: 1, y: row, width: width)
            return
        }
        while StyledLine(spans(items, gap: 1, notAvailable: grid.tr("(n/a)"), tr: grid.tr)).width(charset: charset) > width,
              let last = items.lastIndex(where: { !$0.essential }) {
            items.remove(at: last)
        }
        StyledLine(spans(items, gap: 1, notAvailable: grid.tr("(n/a)"), tr: grid.tr)).render(into: &grid, x: 1, y: row, width: width)
    }

    /// What the footer lists for the state's mode and screen.
    static func items(for state: ConsoleState) -> [Item] {
        let tr = state.tr
        switch state.mode {
        case .help:
            return [Item(keys: OverlayScrollHint.keys(state, down: true), label: tr("scrolls")),
                    Item(keys: tr("any key"), label: tr("closes the help"), essential: true)]
        case .sessionActions:
            return [Item(keys: OverlayScrollHint.keys(state, down: true), label: tr("scrolls")),
                    Item(keys: tr("any key"), label: tr("closes"), essential: true)]
        case .export(let prompt):
            if prompt.askingToReplace {
                return [Item(keys: "o", label: tr("replace the file"), essential: true),
                        Item(keys: "n Esc", label: tr("keep it"), essential: true)]
            }
            return [Item(keys: "Enter", label: tr("write"), essential: true), Item(keys: "Esc", label: tr("cancel"), essential: true),
                    Item(keys: "Ctrl-U", label: tr("erase"))]
        case .filter:
            return [Item(keys: "Enter", label: tr("keep"), essential: true), Item(keys: "Esc", label: tr("clear"), essential: true),
                    Item(keys: "Ctrl-U", label: tr("erase")), Item(keys: "Ctrl-W", label: tr("erase a word"))]
        case .command:
            return [Item(keys: "Enter", label: tr("go"), essential: true), Item(keys: "Esc", label: tr("cancel"), essential: true)]
        case .dialog(let dialog):
            var items = [Item(keys: "Tab", label: tr("next"), essential: true)]
            if dialog.focus == .pools { items.append(Item(keys: "↑↓", label: tr("choose a pool"), essential: true)) }
            items += [Item(keys: "Enter", label: tr("press"), essential: true),
                      Item(keys: "Esc", label: tr("close, nothing is sent"), essential: true)]
            return items
        case .normal:
            let essential: Set<KeyCommand> = [.help, .quit, .approve, .reject, .cancel, .reroute]
            return KeyHelp.entries(for: state.screen, identity: state.identity, keys: state.options.keyMap, tr: tr)
                .filter(\.inFooter)
                .map { entry in
                    Item(keys: entry.footerKeys, label: entry.footerLabel, available: entry.unavailable == nil,
                         essential: entry.unavailable != nil || entry.command.map(essential.contains) ?? false)
                }
        }
    }

    private static func spans(_ items: [Item], gap: Int, notAvailable: String, tr: Localizer) -> [StyledLine.Part] {
        var spans: [StyledLine.Part] = []
        for item in items {
            if !spans.isEmpty { spans.append(.gap(gap)) }
            if item.available {
                spans += [StyledLine.Part(tr.keyName(item.keys), .keyHint), StyledLine.Part(" " + item.label)]
            } else {
                spans.append(StyledLine.Part("\(tr.keyName(item.keys)) \(item.label)" + notAvailable, .dim))
            }
        }
        return spans
    }
}
