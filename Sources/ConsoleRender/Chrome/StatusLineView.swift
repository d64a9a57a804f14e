import ConsoleCore
import SafeText

/// Row h-2: the filter or command being typed (with its cursor), else the last message with its mark
/// (`✓` done, `!` warning, `✗` error), else a quiet hint about the list (`123 rows · filter: … · sort: due ↑`).
enum StatusLineView {
    static func render(_ state: ConsoleState, into grid: inout CellGrid, row: Int) {
        guard row >= 0, row < grid.height, grid.width > 2 else { return }
        let width = grid.width - 2
        switch state.mode {
        case .filter(let field):
            input(prompt: "/", field: field, help: grid.tr("Enter keeps the filter · Esc clears it"), into: &grid, row: row, width: width)
        case .command(let field):
            input(prompt: ":", field: field, help: grid.tr("a screen, pause… (see ?) or q · Esc cancels"), into: &grid, row: row,
                  width: width)
        case .export(let prompt):
            if prompt.askingToReplace, let message = state.status {
                StyledLine(spans(for: message, glyphs: grid.glyphs)).render(into: &grid, x: 1, y: row, width: width)
            } else {
                input(prompt: grid.tr("Export to:"), field: prompt.field, help: grid.tr("Enter writes (.json for JSON) · Esc cancels"),
                      into: &grid, row: row, width: width)
            }
        case .normal, .dialog, .help, .sessionActions:
            let held = heldSpans(state, glyphs: grid.glyphs)
            // A message or a countdown comes first: the console's own figures give way while one needs the room.
            let messageWidth = state.status == nil && held.isEmpty ? 16
                : StyledLine(held + (state.status.map { spans(for: $0, glyphs: grid.glyphs) } ?? [])).width(charset: grid.charset)
            let room = renderSelfStats(state, into: &grid, row: row, width: width, leaving: messageWidth)
            if let message = state.status {
                StyledLine(held + spans(for: message, glyphs: grid.glyphs)).render(into: &grid, x: 1, y: row, width: room)
            } else if !held.isEmpty {
                StyledLine(held).render(into: &grid, x: 1, y: row, width: room)
            } else if case .normal = state.mode {
                grid.put(StatusHint.text(for: state, glyphs: grid.glyphs), x: 1, y: row, width: room, style: .dim)
            }
        }
    }

    private static func input(
        prompt: String, field: TextField, help: String, into grid: inout CellGrid, row: Int, width: Int
    ) {
        grid.put(prompt, x: 1, y: row, style: .keyHint)
        let promptWidth = DisplayWidth.of(prompt) + 1
        let helpWidth = DisplayWidth.of(Sanitizer.line(help, charset: grid.charset))
        // The field takes what the help leaves, and the help goes first when the terminal is narrow.
        let showsHelp = width - promptWidth - helpWidth - 2 >= 24
        let fieldWidth = showsHelp ? width - promptWidth - helpWidth - 2 : width - promptWidth
        TextFieldView(field: field, isFocused: true).render(into: &grid, x: 1 + promptWidth, y: row, width: fieldWidth)
        if showsHelp { grid.put(help, x: 1 + width - helpWidth, y: row, style: .dim) }
    }

    private static func spans(for message: StatusMessage, glyphs: GlyphSet) -> [StyledLine.Part] {
        switch message.severity {
        case .success: [StyledLine.Part(glyphs.ok + " ", .ok), StyledLine.Part(message.text, .ok)]
        case .warning: [StyledLine.Part("! ", .warn), StyledLine.Part(message.text, .warn)]
        case .error: [StyledLine.Part(glyphs.fail + " ", .critical), StyledLine.Part(message.text, .critical)]
        case .info: [StyledLine.Part(message.text, .info)]
        }
    }
}
