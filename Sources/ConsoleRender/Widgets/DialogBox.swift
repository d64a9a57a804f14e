import ConsoleCore
import SafeText

/// A centred dialog: a titled box, a wrapped body, an optional text field, and a row of
/// buttons on the right, one of which may have the focus.
///
/// ```
/// ┌─ Approve A-4821? ──────────────────────┐
/// │ You will be the second of two          │
/// │ approvers.                             │
/// │ Reason: ______________________________ │
/// │                                        │
/// │                [ Cancel ]  [▶Approve◀] │
/// └────────────────────────────────────────┘
/// ```
/// The focused button is drawn in ``StyleName/dialogFocus`` *and* between focus marks
/// (`▶…◀` or `>…<`), so focus shows without colour. When the area is too small, body lines are
/// cut (the last shown ends with an ellipsis), then the spacer line goes.
public struct DialogBox: Sendable, Hashable {
    /// The title in the top border.
    public var title: String
    /// The body, wrapped to the box (line breaks are kept).
    public var body: String
    /// A text field line, if the dialog asks for text.
    public var field: DialogField?
    /// The button labels, left to right.
    public var buttons: [String]
    /// The index of the button with the focus, if any.
    public var focusedButton: Int?
    /// The box width wanted, border included; the area may make it narrower.
    public var preferredWidth: Int

    /// A dialog.
    public init(
        title: String,
        body: String,
        field: DialogField? = nil,
        buttons: [String],
        focusedButton: Int? = nil,
        preferredWidth: Int = 64
    ) {
        self.title = title
        self.body = body
        self.field = field
        self.buttons = buttons
        self.focusedButton = focusedButton
        self.preferredWidth = preferredWidth
    }

    /// A button's text: `[ Label ]`, or `[▶Label◀]` with the focus.
    public static func buttonText(_ label: String, focused: Bool, glyphs: GlyphSet) -> String {
        focused ? "[" + glyphs.focusLeft + label + glyphs.focusRight + "]" : "[ " + label + " ]"
    }

    /// Draws the dialog centred in `area` (usually the whole screen).
    ///
    /// - Returns: where the parts went.
    @discardableResult
    public func render(into grid: inout CellGrid, within area: Rect) -> DialogLayout {
        let glyphs = grid.glyphs
        let charset = grid.charset
        let boxWidth = min(area.width, max(12, preferredWidth))
        let inner = boxWidth - 4
        var bodyLines = WrappedText.lines(body, width: max(1, inner), charset: charset, limit: area.height)
        let fieldRows = field == nil ? 0 : 1
        let fixedRows = 2 + fieldRows + 1  // borders, field, buttons
        var spacerRows = 1
        if fixedRows + spacerRows + bodyLines.count > area.height { spacerRows = 0 }
        let bodyRoom = max(0, area.height - fixedRows - spacerRows)
        if bodyLines.count > bodyRoom {
            bodyLines = Array(bodyLines.prefix(bodyRoom))
            if let last = bodyLines.popLast() {
                bodyLines.append(TextFit.prefix(of: last, fittingIn: inner - DisplayWidth.of(glyphs.ellipsis))
                    + glyphs.ellipsis)
            }
        }
        let box = area.centred(width: boxWidth, height: fixedRows + spacerRows + bodyLines.count)

        // Background, border, title.
        grid.fill(box, style: .dialog)
        let top = glyphs.topLeft + String(repeating: glyphs.horizontal, count: max(0, box.width - 2)) + glyphs.topRight
        let bottom = glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: max(0, box.width - 2))
            + glyphs.bottomRight
        grid.put(top, x: box.x, y: box.y, style: .dialog, maxWidth: box.width)
        grid.put(bottom, x: box.x, y: box.maxY - 1, style: .dialog, maxWidth: box.width)
        for row in (box.y + 1)..<max(box.y + 1, box.maxY - 1) {
            grid.put(glyphs.vertical, x: box.x, y: row, style: .dialog)
            grid.put(glyphs.vertical, x: box.maxX - 1, y: row, style: .dialog)
        }
        if box.width >= 7 {
            grid.put(" ", x: box.x + 2, y: box.y, style: .dialog)
            let shown = grid.put(title, x: box.x + 3, y: box.y, width: min(DisplayWidth.of(
                Sanitizer.line(title, charset: charset)), box.width - 6), style: .dialogTitle)
            grid.put(" ", x: box.x + 3 + shown, y: box.y, style: .dialog)
        }

        // Body.
        let bodyRect = Rect(x: box.x + 2, y: box.y + 1, width: inner, height: bodyLines.count)
        for (offset, line) in bodyLines.enumerated() {
            grid.put(line, x: bodyRect.x, y: bodyRect.y + offset, style: .dialog, maxWidth: inner)
        }

        // Field.
        var fieldRect: Rect? = nil
        var cursor: Point? = nil
        if let field {
            let y = bodyRect.maxY
            let labelWidth = grid.put(field.label, x: bodyRect.x, y: y, style: .dialog, maxWidth: max(0, inner - 4))
            let start = bodyRect.x + labelWidth + (labelWidth > 0 ? 1 : 0)
            let rect = Rect(x: start, y: y, width: bodyRect.maxX - start, height: 1)
            let view = TextFieldView(field: field.field, isFocused: field.isFocused)
            if let column = view.render(into: &grid, x: rect.x, y: y, width: rect.width) {
                cursor = Point(x: column, y: y)
            }
            fieldRect = rect
        }

        // Buttons, right-aligned, focus marked.
        let buttonsY = box.maxY - 2
        let texts = buttons.enumerated().map { Self.buttonText($1, focused: $0 == focusedButton, glyphs: glyphs) }
        let gap = 2
        let totalWidth = texts.reduce(0) { $0 + DisplayWidth.of(Sanitizer.line($1, charset: charset)) }
            + gap * max(0, texts.count - 1)
        var x = max(bodyRect.x, bodyRect.maxX - totalWidth)
        var buttonRects: [Rect] = []
        for (index, text) in texts.enumerated() {
            let style: StyleName = index == focusedButton ? .dialogFocus : .dialogButton
            let written = grid.put(text, x: x, y: buttonsY, style: style, maxWidth: max(0, bodyRect.maxX - x))
            buttonRects.append(Rect(x: x, y: buttonsY, width: written, height: 1))
            x += written + gap
        }
        return DialogLayout(box: box, body: bodyRect, field: fieldRect, buttons: buttonRects, cursor: cursor)
    }
}
