import Foundation
import FactoryModel
import FactoryStore

/// The oversight notes of the approvals list: `! near deadline`, `escalated to sup-eau`, and for an expired
/// approval who was on duty (its escalation target, else the supervisors granted before its deadline).
enum ApprovalNotes {
    static func read(_ approvals: [Approval], store: any JobStore, rules: OversightRules, now: Date) throws(CommandFailure) -> [ApprovalID: String] {
        let shown = approvals.filter { $0.state == .pending || $0.state == .expired }
        guard !shown.isEmpty else { return [:] }
        let escalations = try storeRead { () throws(StoreError) in try store.escalations(of: shown.map(\.id)) }
        var notes: [ApprovalID: String] = [:]
        for approval in shown {
            var parts: [String] = []
            if rules.isNearDeadline(approval, at: now) { parts.append("! near deadline") }
            if approval.state == .pending, let last = escalations[approval.id]?.last { parts.append("escalated to \(last.to)") }
            if approval.state == .expired {
                let duty = try storeRead { () throws(StoreError) in try store.onDuty(for: approval) }
                parts.append("on duty: " + (duty.isEmpty ? "nobody" : duty.joined(separator: ", ")))
            }
            if !parts.isEmpty { notes[approval.id] = parts.joined(separator: "; ") }
        }
        return notes
    }
}
