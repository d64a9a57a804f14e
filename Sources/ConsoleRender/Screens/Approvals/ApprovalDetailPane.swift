import ConsoleCore
import FactoryModel
import Foundation
import SafeText

/// The selected approval's full story under the list: subject, proposed action, rationale (several lines), where
/// it runs, who asked and when, and every decision so far with its reason.
///
/// ```
/// ─ A-4821 · !! HIGH · pending · due in 00:03:55 ──────────────────────────────── 1 of 2 approved ─
///   Allocation des aides eau — Souss-Massa
///   Proposed   release 12.4 M m³ allocation to 37 communes (plan v3)
///   Rationale  forecast deficit 18 % (model hydro-v7, confidence 0.82); 3 communes below threshold
///   Where      run R-190233 · project Eau prédictive · institute guelmim-oued-noun · pool dakhla-gpu
///   Requested  by hydro-planner at 02:41:10 (31m ago) · run submitted by sup-eau
///   Decisions  ✓ approved by sup-eau (supervisor) at 03:05:12: checked against basin report
/// ```
/// When the pane is short, the rationale gives up lines first; a cut block ends with an ellipsis.
enum ApprovalDetailPane {
    /// A labelled block of wrapped lines.
    private struct Block {
        var label: String
        var lines: [String]
        var style: StyleName
        /// Lower goes first when even one line each does not fit.
        var priority: Int
        var shown = 1
    }

    static let labelWidth = DetailPane.labelWidth

    static func render(
        _ approval: Approval, now: Date, into grid: inout CellGrid, in area: Rect, oversight: [String] = []
    ) {
        guard area.height > 0 else { return }
        let glyphs = grid.glyphs
        let tr = grid.tr
        let separator = " \(glyphs.separator) "
        let due = ApprovalFormat.due(approval, now: now, tr)
        var title = [StyledLine.Part(approval.id.description, .title), StyledLine.Part(separator, .border),
                     StyledLine.Part(ApprovalFormat.risk(approval.risk, tr).trimmingCharacters(in: .whitespaces),
                                     ApprovalFormat.style(approval.risk)),
                     StyledLine.Part(separator, .border),
                     StyledLine.Part(tr.word(approval.state), ApprovalFormat.style(approval.state))]
        if approval.state == .pending {
            title += [StyledLine.Part(separator, .border),
                      StyledLine.Part(due.text == tr("OVERDUE") ? due.text : tr("due in \(due.text)"), due.style)]
        } else if let decided = approval.decidedAt {
            title += [StyledLine.Part(" \(ListFormat.moment(decided, now: now))", .dim)]
        }
        grid.fill(area)
        ListRule(title: title, trailing: [StyledLine.Part(tr("\(ApprovalFormat.progress(approval, tr)) approved"), .dim)])
            .render(into: &grid, x: area.x, y: area.y, width: area.width)

        let x = area.x + 2
        let valueX = x + labelWidth
        let valueWidth = max(8, area.maxX - 1 - valueX)
        let charset = grid.charset
        func wrap(_ text: String, _ width: Int = valueWidth) -> [String] {
            WrappedText.lines(text, width: width, charset: charset, limit: area.height)
        }
        var blocks = [
            Block(label: "", lines: wrap(approval.subject, area.width - 3), style: .header, priority: 9),
            Block(label: tr("Proposed"), lines: wrap(approval.proposedAction), style: .normal, priority: 8),
            Block(label: tr("Rationale"), lines: wrap(approval.rationale), style: .normal, priority: 7),
            Block(label: tr("Where"), lines: wrap(placement(approval, separator: separator, tr: tr)), style: .dim, priority: 5),
            Block(label: tr("Requested"), lines: wrap(requested(approval, now: now, separator: separator, tr: tr)), style: .dim,
                  priority: 4),
            Block(label: tr("Decisions"), lines: decisions(approval, now: now, glyphs: glyphs, tr: tr).flatMap { wrap($0) },
                  style: .normal, priority: 6),
        ]
        if !oversight.isEmpty {
            blocks.append(Block(label: tr("Oversight"), lines: oversight.flatMap { wrap($0) }, style: .warn, priority: 3))
        }
        fit(&blocks, rows: area.height - 1, order: ["Decisions", "Proposed", "", "Rationale", "Where"].map { tr.template($0) })
        var y = area.y + 1
        for block in blocks where block.shown > 0 {
            var lines = Array(block.lines.prefix(block.shown))
            if block.shown < block.lines.count, let last = lines.popLast() {
                let width = block.label.isEmpty ? area.width - 3 : valueWidth
                lines.append(TextFit.truncate(last, toWidth: width - 1, ellipsis: "") + charset.ellipsis)
            }
            for (index, line) in lines.enumerated() {
                if index == 0, !block.label.isEmpty { grid.put(block.label, x: x, y: y, style: .dim) }
                grid.put(line, x: block.label.isEmpty ? x : valueX, y: y, style: block.style, maxWidth: area.maxX - 1 - x)
                y += 1
            }
        }
    }

    /// One line per block while there is room (the least important dropped first), then the rest of the rows to
    /// the decisions, the proposed action, the subject, the rationale and the where, in that order.
    private static func fit(_ blocks: inout [Block], rows: Int, order: [String]) {
        for index in blocks.indices { blocks[index].shown = min(1, blocks[index].lines.count) }
        var used = blocks.reduce(0) { $0 + $1.shown }
        let byPriority = blocks.indices.sorted { blocks[$0].priority < blocks[$1].priority }
        for index in byPriority where used > rows && blocks[index].shown > 0 {
            blocks[index].shown = 0
            used -= 1
        }
        for label in order {
            guard let index = blocks.firstIndex(where: { $0.label == label }), blocks[index].shown > 0 else { continue }
            let extra = min(blocks[index].lines.count - blocks[index].shown, rows - used)
            guard extra > 0 else { continue }
            blocks[index].shown += extra
            used += extra
        }
    }

    private static func placement(_ approval: Approval, separator: String, tr: Localizer) -> String {
        var parts = [tr("run \(approval.runID)")]
        if !approval.runTitle.isEmpty { parts[0] += " (\(approval.runTitle))" }
        if !approval.projectName.isEmpty { parts.append(tr("project \(approval.projectName)")) }
        if !approval.instituteID.isEmpty { parts.append(tr("institute \(approval.instituteID)")) }
        if !approval.poolID.isEmpty { parts.append(tr("pool \(approval.poolID)")) }
        return parts.joined(separator: separator)
    }

    private static func requested(_ approval: Approval, now: Date, separator: String, tr: Localizer) -> String {
        var text = tr("by \(approval.requestedBy) at \(ListFormat.moment(approval.requestedAt, now: now))")
            + " (\(ListFormat.relative(approval.requestedAt, now: now, tr)))"
        if !approval.runSubmittedBy.isEmpty { text += separator + tr("run submitted by \(approval.runSubmittedBy)") }
        return text
    }

    private static func decisions(_ approval: Approval, now: Date, glyphs: GlyphSet, tr: Localizer) -> [String] {
        guard !approval.decisions.isEmpty else {
            let needed = approval.requiredApprovals
            return approval.state == .pending
                ? [needed == 1 ? tr("none yet: needs \(needed) supervisor") : tr("none yet: needs \(needed) supervisors")]
                : [tr("none (\(tr.word(approval.state)))")]
        }
        return approval.decisions.map { decision in
            let mark = decision.verdict == .approve ? glyphs.ok : glyphs.fail
            var text = decision.verdict == .approve
                ? tr("\(mark) approved by \(decision.decidedBy)") : tr("\(mark) rejected by \(decision.decidedBy)")
            if let via = decision.via { text += tr(" via \(via)") }
            text += tr(" (\(tr.template(decision.role.rawValue))) at \(ListFormat.moment(decision.at, now: now))")
            if let reason = decision.reason, !reason.isEmpty { text += ": \(reason)" }
            return text
        }
    }
}
