import ConsoleCore
import Foundation
import FactoryModel
import SafeText

/// How an approval's risk, deadline and progress are written wherever approvals appear (overview, list, detail,
/// dialog). Each pairs a word or a number with its style: colour is never the only signal.
enum ApprovalFormat {
    /// `!!`, `!` or nothing: the risk's mark, the same in every charset.
    static func mark(_ risk: Risk) -> String {
        switch risk {
        case .high: "!!"
        case .medium: "!"
        case .low: ""
        }
    }

    /// `!! HIGH`, `!  MED`, `   LOW`: the mark and the word, seven columns.
    static func risk(_ risk: Risk, _ tr: Localizer) -> String {
        TextFit.pad(mark(risk), toWidth: 2) + " " + tr.word(risk)
    }

    /// The style of a risk: critical for high, warn for medium.
    static func style(_ risk: Risk) -> StyleName {
        switch risk {
        case .high: .critical
        case .medium: .warn
        case .low: .normal
        }
    }

    /// `00:04:12`: hours, minutes and seconds from `now` to `date` (never negative).
    static func countdown(to date: Date, now: Date) -> String {
        hms(max(0, date.timeIntervalSince(now)))
    }

    /// `01:05:09` for a duration in seconds (hours go past 99 when they must).
    static func hms(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.isFinite ? max(0, seconds) : 0)
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return [hours, minutes, rest].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }

    /// The deadline as a list shows it: `00:04:12` while pending, `OVERDUE` once passed, the state's word once
    /// decided; with its style (critical under five minutes, warn inside `warning`, the `[oversight]
    /// escalation_warning`, fifteen minutes by default).
    static func due(_ approval: Approval, now: Date, _ tr: Localizer, warning: TimeInterval = 15 * 60)
        -> (text: String, style: StyleName)
    {
        guard approval.state == .pending else { return ("", .dim) }
        let left = approval.dueAt.timeIntervalSince(now)
        if left <= 0 { return (tr("OVERDUE"), .critical) }
        return (hms(left), left < 5 * 60 ? .critical : (left <= warning ? .warn : .normal))
    }

    /// `1 of 2`: approvals given of those needed.
    static func progress(_ approval: Approval, _ tr: Localizer) -> String {
        tr("\(approval.approvers.count) of \(approval.requiredApprovals)")
    }

    /// The style of a state word: pending stands out, the rest is history.
    static func style(_ state: ApprovalState) -> StyleName {
        switch state {
        case .pending: .info
        case .approved: .ok
        case .rejected, .expired: .warn
        case .withdrawn: .dim
        }
    }
}
