import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The audit list's columns and cells.
extension AuditScreen {
    /// The columns: from 120 columns the full date and time; below, `03:12` for today and `11-22` for older days
    /// (as `ls -l` does), so that the details still fit at 80 columns.
    static func columns(wide: Bool) -> [TableColumn] {
        [
            TableColumn("SEQ", width: .fixed(wide ? 7 : 5), alignment: .right, priority: 7),
            TableColumn("AT", width: .fixed(wide ? 20 : 5), priority: 9),
            TableColumn("ACTOR", width: .flexible(min: 12, weight: 1), priority: 8),
            TableColumn("ACTION", width: .fixed(wide ? 18 : 10), priority: 10),
            TableColumn("SUBJECT", width: .fixed(wide ? 14 : 8), priority: 8),
            TableColumn("OUTCOME", width: .fixed(10), priority: 9),
            TableColumn("DETAILS", width: .flexible(min: 16, weight: 4), priority: 5),
        ]
    }

    /// `03:12` on the day of `now`, `11-22` on another day.
    static func compactTime(_ date: Date, now: Date) -> String {
        let moment = ListFormat.moment(date, now: now)
        return moment.count > 8 ? String(moment.prefix(5)) : ListFormat.shortClock(date)
    }

    static func cells(_ record: AuditRecord, now: Date, wide: Bool, brokenAt: Int64?, glyphs: GlyphSet, tr: Localizer) -> [ListCell] {
        let outcome = outcomeText(record.outcome, glyphs: glyphs, tr: tr)
        let seq: ListCell = record.seq == brokenAt
            ? .styled("\(glyphs.fail) \(record.seq)", .critical)
            : .styled(String(record.seq), .dim)
        return [
            seq,
            .plain(wide ? ListFormat.full(record.at) : compactTime(record.at, now: now)),
            .plain(actor(record, tr: tr)),
            .plain(record.action),
            .plain(record.subject),
            .styled(outcome.text, outcome.style),
            .styled(compactDetails(record.details), .dim),
        ]
    }

    /// `ops-nuit`, or `ops-nuit via root`.
    static func actor(_ record: AuditRecord, tr: Localizer) -> String {
        record.via.map { tr("\(record.actor) via \($0)") } ?? record.actor
    }

    /// An outcome as a mark and a word: `✓ ok`, `✗ denied`, `! conflict`.
    static func outcomeText(_ outcome: AuditOutcome, glyphs: GlyphSet, tr: Localizer) -> (text: String, style: StyleName) {
        switch outcome {
        case .ok: ("\(glyphs.ok) " + tr("ok"), .ok)
        case .denied: ("\(glyphs.fail) " + tr("denied"), .critical)
        case .conflict: ("! " + tr("conflict"), .warn)
        }
    }

    /// The details' fields, keys sorted; the raw text as one field when it is not a JSON object.
    static func detailFields(_ details: String) -> [(key: String, value: String)] {
        guard let data = details.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        else {
            let trimmed = details.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty || trimmed == "{}" ? [] : [("details", trimmed)]
        }
        return object.keys.sorted().map { key in (key, text(of: object[key] as Any)) }
    }

    private static func text(of value: Any) -> String {
        switch value {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        case is NSNull: return "null"
        default:
            guard JSONSerialization.isValidJSONObject(value),
                  let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]),
                  let text = String(data: data, encoding: .utf8)
            else { return String(describing: value) }
            return text
        }
    }

    /// `reason="checked against basin report" state_after=running`: the details on one line.
    static func compactDetails(_ details: String) -> String {
        detailFields(details).map { field in
            let needsQuotes = field.value.isEmpty || field.value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
            return "\(field.key)=" + (needsQuotes ? "\"\(field.value.replacingOccurrences(of: "\"", with: "\\\""))\"" : field.value)
        }.joined(separator: " ")
    }
}
