import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The audit screen's detail pane.
extension AuditScreen {
    /// The record's detail: every field, the hashes shortened, the details one per line. On a narrow terminal
    /// (one column) the details come before the hashes.
    static func detail(_ record: AuditRecord, state: ConsoleState, glyphs: GlyphSet, wide: Bool) -> DetailPane {
        let separator = " \(glyphs.separator) "
        let tr = state.tr
        let outcome = outcomeText(record.outcome, glyphs: glyphs, tr: tr)
        let rule = ListRule(
            title: [.init(tr("Record \(record.seq)"), .title), .init(separator + record.action + " " + record.subject + separator, .dim),
                    .init(outcome.text, outcome.style)],
            trailing: [.init(ListFormat.full(record.at), .dim)]
        )
        var notice: [DetailPane.Item] = []
        if let broken = state.store?.auditBreak {
            if broken.seq == record.seq {
                notice.append(.line(StyledLine(tr("\(glyphs.fail) The chain breaks here: \(broken.problem)."), .critical)))
            } else if record.seq > broken.seq {
                notice.append(.line(StyledLine(tr("! After the break at record \(broken.seq): this record cannot be trusted."), .warn)))
            }
        }
        let fields = detailFields(record.details)
        let labelWidth = min(16, max(DetailPane.labelWidth, (fields.map { DisplayWidth.of($0.key) }.max() ?? 0) + 2))
        let facts: [DetailPane.Item] = [
            .line(.field(tr("by"), labelWidth: labelWidth, [.init(record.actor, .info)] + (record.via.map { [.init(tr(" via "), .dim), .init($0, .warn)] } ?? []))),
            .line(.field(tr("at"), labelWidth: labelWidth, [.init(ListFormat.full(record.at)), .init(" (\(ListFormat.relative(record.at, now: state.now, tr)))", .dim)])),
            .line(.field(tr("action"), labelWidth: labelWidth, [.init(record.action), .init(tr(" on "), .dim), .init(record.subject), .init(separator, .dim),
                                    .init(outcome.text, outcome.style)])),
        ]
        let hashes: [DetailPane.Item] = [
            .line(.field(tr("hash"), labelWidth: labelWidth, [.init(ListFormat.shortHash(record.hash, ellipsis: glyphs.ellipsis)),
                                  .init(separator + tr("prev "), .dim),
                                  .init(ListFormat.shortHash(record.prevHash, ellipsis: glyphs.ellipsis), .dim)])),
        ]
        var details: [DetailPane.Item] = fields.isEmpty ? [.line(.field(tr("details"), labelWidth: labelWidth, tr("none"), .dim))] : []
        for field in fields {
            details.append(.line(.field(field.key, labelWidth: labelWidth, field.value)))
        }
        return wide
            ? DetailPane(rule: rule, main: notice + facts + hashes, side: details)
            : DetailPane(rule: rule, main: notice + details + facts + hashes)
    }
}
