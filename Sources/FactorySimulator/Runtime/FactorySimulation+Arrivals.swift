import Foundation
import FactoryModel
import FactoryStore

/// New work arriving: a few runs a minute, steered by the length of the queue.
extension FactorySimulation {
    /// Submits the runs due by `time`: about ``SimulationSettings/submissionsPerMinute`` a minute, faster when
    /// fewer than ``SimulationSettings/targetQueued`` runs wait (up to 1.75 times), slower when more do (down to a quarter).
    /// An agent avoids a pool with a long queue when another of its pools of the same kind has a shorter one.
    func submit(at time: Date, queued byPool: [String: Int], opening: Bool) {
        var queuedByPool = byPool
        let queued = byPool.values.reduce(0, +)
        if opening {
            let first = settings.stagedOpening ? 4.0 : interval(queued: queued)
            nextSubmissionAt = start.addingTimeInterval(first)
            return
        }
        var waiting = queued
        var count = 0
        while nextSubmissionAt <= time && count < settings.maxSubmissionsPerStep {
            let at = nextSubmissionAt
            let draft = WorkloadDraft.newRun(at: at, queued: queuedByPool, random: &random)
            var id: RunID?
            if attempt("new run", at: time, { () throws(ActionError) in id = try runtime.submit(draft) }), let id {
                var plan = RunPlan(state: .queued, since: time)
                plan.readyAt = at.addingTimeInterval(random.nextDouble(in: settings.schedulingDelay))
                plans[id] = plan
                waiting += 1
                queuedByPool[draft.poolID, default: 0] += 1
                let gpus = draft.gpus > 0 ? ", \(draft.gpus) GPU\(draft.gpus == 1 ? "" : "s")" : ""
                note(.submitted, id.description, "\(draft.title) (\(draft.agent), \(draft.poolID)\(gpus))", at: time)
            }
            count += 1
            nextSubmissionAt = at.addingTimeInterval(interval(queued: waiting))
        }
        if nextSubmissionAt <= time {
            nextSubmissionAt = time.addingTimeInterval(interval(queued: waiting))
        }
    }

    /// Seconds to the next submission: the mean at the current queue length, spread ±70 %.
    private func interval(queued: Int) -> Double {
        let pressure = min(1.75, max(0.25, 2 - Double(queued) / Double(max(1, settings.targetQueued))))
        let mean = 60 / max(0.01, settings.submissionsPerMinute * pressure)
        return mean * random.nextDouble(in: 0.3...1.7)
    }
}
