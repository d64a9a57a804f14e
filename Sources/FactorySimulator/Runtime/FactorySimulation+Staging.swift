import Foundation
import FactoryModel
import FactoryStore

/// What keeps the demo telling its story: the staged first half-minute, approvals kept coming, edge outages.
extension FactorySimulation {
    /// Edge sites dropping and coming back.
    func moveOutages(to time: Date) {
        for change in outages.move(to: time) {
            switch change {
            case .down(let site, let until):
                let minutes = Int((until.timeIntervalSince(time) / 60).rounded())
                note(.siteDown, site, "edge site stopped reporting; back in about \(minutes) min", at: time)
            case .up(let site, let after):
                note(.siteUp, site, "edge site reports again after \(Int((after / 60).rounded())) min", at: time)
            }
        }
    }

    /// Keeps supervisors busy: with fewer than ``SimulationSettings/minimumPending`` approvals pending, one running
    /// run that has not asked yet will ask within 2–20 s, at most once every ``SimulationSettings/topUpInterval``.
    func topUpApprovals(_ runs: [Run], pending: Int, at time: Date) {
        guard pending < settings.minimumPending else { return }
        if let last = lastTopUp, time.timeIntervalSince(last) < settings.topUpInterval { return }
        let candidates = runs.filter { run in
            guard run.state == .running, let plan = plans[run.id] else { return false }
            return !plan.asked && plan.askAt == nil && ApprovalDraft.canAsk(project: run.projectID)
        }
        guard !candidates.isEmpty else { return }
        let asker = random.pick(candidates)
        let askAt = time.addingTimeInterval(random.nextDouble(in: 2...20))
        plans[asker.id]?.askAt = askAt
        if let endAt = plans[asker.id]?.endAt, endAt < askAt.addingTimeInterval(60) {
            plans[asker.id]?.endAt = askAt.addingTimeInterval(random.nextDouble(in: 60...300))
        }
        lastTopUp = time
    }

    /// The first half-minute, staged so that an operator sees the factory move at once: one running run finishes
    /// within 6–14 s and another asks a human within 12–18 s (the first submission comes at 4 s).
    func stageOpening(_ runs: [Run], at time: Date) {
        let running = runs.filter { $0.state == .running }
        guard !running.isEmpty else { return }
        let finisher = random.pick(running)
        plans[finisher.id]?.endAt = time.addingTimeInterval(random.nextDouble(in: 6...14))
        plans[finisher.id]?.succeeds = true
        plans[finisher.id]?.askAt = nil
        let askers = running.filter { $0.id != finisher.id && ApprovalDraft.canAsk(project: $0.projectID) }
        guard !askers.isEmpty else { return }
        let asker = random.pick(askers)
        let askAt = time.addingTimeInterval(random.nextDouble(in: 12...18))
        plans[asker.id]?.askAt = askAt
        plans[asker.id]?.asked = false
        if let endAt = plans[asker.id]?.endAt, endAt < askAt.addingTimeInterval(120) {
            plans[asker.id]?.endAt = askAt.addingTimeInterval(random.nextDouble(in: 120...600))
        }
    }
}
