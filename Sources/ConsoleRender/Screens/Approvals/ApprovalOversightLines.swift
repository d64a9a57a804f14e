import ConsoleCore
import FactoryModel
import Foundation

/// The oversight lines of an approval's detail: near its deadline, escalated to whom, who was on duty when it
/// expired. Names and reasons come from the store; the grid sanitises them when drawn.
enum ApprovalOversightLines {
    static func lines(_ approval: Approval, state: ConsoleState) -> [String] {
        var lines: [String] = []
        let escalations = state.store?.escalations[approval.id] ?? []
        if escalations.isEmpty, state.options.rules.isNearDeadline(approval, at: state.now) {
            let key = state.options.keyMap.primaryLabel(for: .escalate) ?? ":escalate"
            lines.append(state.tr("! near its deadline: escalate it to a supervisor with \(key)"))
        }
        for escalation in escalations.reversed() {
            let moment = ListFormat.moment(escalation.at, now: state.now)
            lines.append(state.tr("escalated to \(escalation.to) by \(escalation.escalatedBy) at \(moment): \(escalation.reason)"))
        }
        if approval.state == .expired, let duty = state.store?.onDuty[approval.id] {
            lines.append(duty.isEmpty ? state.tr("on duty when it expired: nobody")
                         : state.tr("on duty when it expired: \(duty.joined(separator: ", "))"))
        }
        return lines
    }
}
