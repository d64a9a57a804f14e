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
            lines.append("! near its deadline: escalate it to a supervisor with e")
        }
        for escalation in escalations.reversed() {
            lines.append(
                "escalated to \(escalation.to) by \(escalation.escalatedBy) at \(ListFormat.moment(escalation.at, now: state.now)): "
                    + escalation.reason
            )
        }
        if approval.state == .expired, let duty = state.store?.onDuty[approval.id] {
            lines.append("on duty when it expired: " + (duty.isEmpty ? "nobody" : duty.joined(separator: ", ")))
        }
        return lines
    }
}
