import ConsoleCore
import FactoryModel
import SafeText

/// The dialog that shows exactly what an action will do before anything is sent.
///
/// ```
/// ┌─ Approve A-4821? ──────────────────────────────────────────────────────┐
/// │ Allocation des aides eau — Souss-Massa                                 │
/// │ Proposed: release 12.4 M m³ to 37 communes                             │
/// │ You will be the second of two approvers: it takes effect when you      │
/// │ confirm.                                                               │
/// │ !! HIGH risk · due in 00:04:12 · approved 1 of 2 (sup-eau)              │
/// │                                                                        │
/// │   Reason (optional): __________________________________________________ │
/// │                                                                        │
/// │                                          [▶Cancel◀]  [ Approve ]       │
/// └────────────────────────────────────────────────────────────────────────┘
/// ```
/// What has the focus shows twice: in ``StyleName/dialogFocus`` or the cursor's style, and with a mark (`▶` left of
/// the focused field or list, `[▶Cancel◀]` for a button), so it is plain without colour. A problem (a reason is
/// required) shows in a warning line; while the action is committed the buttons give way to `Sending…`.
enum ActionDialogView {
    /// One line of the dialog's text.
    private typealias TextLine = (text: String, style: StyleName)

    static func render(_ dialog: ActionDialog, state: ConsoleState, into grid: inout CellGrid) {
        let glyphs = grid.glyphs
        let charset = grid.charset
        let boxWidth = min(grid.width - 2, 78)
        guard boxWidth >= 20, grid.height >= 10 else { return }
        let inner = boxWidth - 4

        var text: [TextLine] = []
        for (index, sentence) in dialog.explanation.enumerated() {
            let style: StyleName = index == 0 ? .dialogTitle : .dialog
            text += WrappedText.lines(sentence, width: inner, charset: charset, limit: grid.height).map { ($0, style) }
        }
        if let facts = facts(dialog, state: state, glyphs: glyphs, tr: grid.tr) {
            text += WrappedText.lines(facts, width: inner, charset: charset, limit: grid.height).map { ($0, .dialog) }
        }
        let poolRows = dialog.kind == .reroute ? min(DialogPoolList.maximumRows, dialog.poolChoices.count) : 0
        let problemLines = dialog.problem.map { WrappedText.lines("! " + $0, width: inner, charset: charset, limit: 3) } ?? []
        // Borders, text, blank, pools (a label and the rows), reason, problem, blank, buttons.
        let fixed = 2 + 1 + (poolRows > 0 ? poolRows + 2 : 0) + 1 + problemLines.count + 1 + 1
        // Within the rows between the header and the footer, which keep the clock and the dialog's keys in view.
        let area = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        let room = area.height - fixed
        if text.count > room {
            text = Array(text.prefix(max(1, room)))
            let last = text[text.count - 1]
            text[text.count - 1] = (TextFit.truncate(last.text, toWidth: inner - 1, ellipsis: "") + charset.ellipsis, last.style)
        }
        let box = area.centred(width: boxWidth, height: fixed + text.count)
        BoxFrame.draw(box, title: dialog.title, into: &grid, style: .dialog, titleStyle: .dialogTitle)
        let x = box.x + 2
        var y = box.y + 1
        for line in text {
            grid.put(line.text, x: x, y: y, style: line.style, maxWidth: inner)
            y += 1
        }
        y += 1
        if poolRows > 0 {
            let focused = dialog.focus == .pools
            let label = grid.tr("Move to (\(dialog.poolIndex + 1) of \(dialog.poolChoices.count), \(glyphs.arrowUp)\(glyphs.arrowDown) to choose):")
            grid.put((focused ? glyphs.focusLeft : " ") + " " + label, x: x, y: y, width: inner, style: .dialog)
            DialogPoolList(pools: dialog.poolChoices, index: dialog.poolIndex, isFocused: focused)
                .render(into: &grid, x: x + 2, y: y + 1, width: inner - 2, rows: poolRows)
            y += poolRows + 2
        }
        drawReason(dialog, into: &grid, x: x, y: y, width: inner)
        y += 1
        for line in problemLines {
            grid.put(line, x: x, y: y, style: .warn, maxWidth: inner)
            y += 1
        }
        drawButtons(dialog, into: &grid, y: box.maxY - 2, left: x, right: x + inner)
    }

    /// `▶ Reason (required): ____`, the marker only while the field has the focus.
    private static func drawReason(_ dialog: ActionDialog, into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        let focused = dialog.focus == .reason && !dialog.sending
        let label = (focused ? grid.glyphs.focusLeft : " ") + " " + (dialog.reasonRequired ? grid.tr("Reason (required):") : grid.tr("Reason (optional):"))
        let labelWidth = grid.put(label, x: x, y: y, style: .dialog, maxWidth: width)
        TextFieldView(field: dialog.reason, isFocused: focused)
            .render(into: &grid, x: x + labelWidth + 1, y: y, width: width - labelWidth - 1)
    }

    /// `[ Cancel ]  [▶Approve◀]` on the right, or `Sending…` while the action is committed.
    private static func drawButtons(_ dialog: ActionDialog, into grid: inout CellGrid, y: Int, left: Int, right: Int) {
        if dialog.sending {
            let sending = grid.tr("Sending") + grid.charset.ellipsis
            grid.put(sending, x: right - DisplayWidth.of(sending), y: y, style: .dialogTitle)
            return
        }
        let buttons: [(String, Bool)] = [(grid.tr("Cancel"), dialog.focus == .cancelButton),
                                         (dialog.kind.verb(grid.tr), dialog.focus == .confirmButton)]
        let texts = buttons.map { DialogBox.buttonText($0.0, focused: $0.1, glyphs: grid.glyphs) }
        let total = texts.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * (texts.count - 1)
        var x = max(left, right - total)
        for (index, text) in texts.enumerated() {
            x += grid.put(text, x: x, y: y, style: buttons[index].1 ? .dialogFocus : .dialogButton, maxWidth: right - x) + 2
        }
    }

    /// For a decision: the approval's risk, deadline and who approved already, when it is on screen.
    private static func facts(_ dialog: ActionDialog, state: ConsoleState, glyphs: GlyphSet, tr: Localizer) -> String? {
        guard dialog.kind == .approve || dialog.kind == .reject,
              let approval = state.store?.approvals.rows.first(where: { $0.id.description == dialog.subject })
        else { return nil }
        let separator = " \(glyphs.separator) "
        var parts = [tr("\(ApprovalFormat.risk(approval.risk, tr).trimmingCharacters(in: .whitespaces)) risk")]
        let left = approval.dueAt.timeIntervalSince(state.now)
        parts.append(left > 0 ? tr("due in \(ApprovalFormat.hms(left))") : tr("OVERDUE"))
        var progress = tr("approved \(ApprovalFormat.progress(approval, tr))")
        let approvers = approval.approvers
        if !approvers.isEmpty { progress += " (\(approvers.joined(separator: ", ")))" }
        parts.append(progress)
        return parts.joined(separator: separator)
    }
}
