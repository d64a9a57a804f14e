import Foundation
import Testing
import FactoryModel

@Suite("Oversight rules and the oversight report, as pure functions")
struct OversightModelTests {
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    func fact(_ who: String, _ verdict: Verdict, after seconds: Double, shownAfter: Double = 0, reversed: Bool = false) -> DecisionFact {
        DecisionFact(
            approvalID: ApprovalID(rawValue: 1), decidedBy: who, verdict: verdict, at: t0.addingTimeInterval(seconds),
            requestedAt: t0, shownAt: t0.addingTimeInterval(shownAfter), reversed: reversed
        )
    }

    @Test func figuresPerSupervisorWithMedianRateAndTooFastDecisions() {
        let facts = [
            fact("sup-eau", .approve, after: 5), fact("sup-eau", .approve, after: 100), fact("sup-eau", .reject, after: 40),
            fact("sup-eau", .approve, after: 61, reversed: true), fact("sup-rsu", .reject, after: 300, shownAfter: 290),
        ]
        let figures = OversightReport.figures(facts, minReadingTime: 15)
        #expect(figures.map(\.account) == ["sup-eau", "sup-rsu"])
        let eau = figures[0]
        #expect(eau.decisions == 4 && eau.approvals == 3 && eau.rejections == 1 && eau.reversed == 1)
        #expect(eau.approvalRate == 0.75)
        #expect(eau.medianSecondsToDecide == 50.5)
        #expect(eau.fasterThanReading == 1)
        #expect(figures[1].medianSecondsToDecide == 10, "measured from the last reversal, not the request")
        #expect(figures[1].fasterThanReading == 1)
    }

    @Test func aSitePauseAwaitsConfirmationAndAPoolPauseIsActiveAtOnce() {
        var site = Pause(id: PauseID(rawValue: 2), scope: .site, target: "dakhla", mode: .drain, reason: "grid", requestedBy: "sup-eau", requestedAt: t0)
        #expect(site.state == .awaitingConfirmation && site.needsConfirmation)
        #expect(site.covers(pool: "dakhla-gpu", site: "dakhla") && !site.covers(pool: "rabat-cpu", site: "rabat"))
        site.confirmedBy = "sup-rsu"
        site.confirmedAt = t0
        #expect(site.state == .active)
        site.liftedAt = t0
        #expect(site.state == .lifted)
        let pool = Pause(id: PauseID(rawValue: 3), scope: .pool, target: "dakhla-gpu", mode: .continue, reason: "x", requestedBy: "sup-eau", requestedAt: t0)
        #expect(pool.state == .active)
        #expect(PauseID("H-3") == pool.id && PauseID("P-3") == nil)
    }

    @Test func nearDeadlineIsInsideTheWarningAndBeforeTheDeadline() {
        let approval = Approval(
            id: ApprovalID(rawValue: 1), runID: RunID(rawValue: 1), subject: "s", proposedAction: "p", rationale: "r", risk: .low,
            requiredApprovals: 1, requestedBy: "agent", requestedAt: t0, dueAt: t0.addingTimeInterval(1000)
        )
        let rules = OversightRules(escalationWarning: 900)
        #expect(!rules.isNearDeadline(approval, at: t0))
        #expect(rules.isNearDeadline(approval, at: t0.addingTimeInterval(200)))
        #expect(!rules.isNearDeadline(approval, at: t0.addingTimeInterval(1000)))
    }

    @Test func aReversalNeedsADecisionInItsWindowAndARunStillWaiting() throws {
        var approval = Approval(
            id: ApprovalID(rawValue: 7), runID: RunID(rawValue: 9), subject: "s", proposedAction: "p", rationale: "r", risk: .low,
            requiredApprovals: 1, requestedBy: "agent", requestedAt: t0, dueAt: t0.addingTimeInterval(3600), state: .approved
        )
        func attempt(_ times: [Date], run: RunState? = .awaitingApproval, latest: Bool = true, at seconds: Double) -> Result<ApprovalState, ActionError> {
            Result { () throws(ActionError) in
                try OversightPolicy.stateAfterReversal(
                    approval, decisionTimes: times, run: run, isRunsLatest: latest, window: 600, now: t0.addingTimeInterval(seconds)
                )
            }
        }
        #expect(try attempt([t0], at: 600).get() == .pending)
        #expect(try attempt([t0.addingTimeInterval(3500)], at: 3700).get() == .expired)
        #expect(throws: ActionError.self) { try attempt([t0], at: 601).get() }
        #expect(throws: ActionError.self) { try attempt([], at: 1).get() }
        #expect(throws: ActionError.self) { try attempt([t0], run: .running, at: 1).get() }
        #expect(throws: ActionError.self) { try attempt([t0], latest: false, at: 1).get() }
        approval.state = .withdrawn
        #expect(throws: ActionError.self) { try attempt([t0], at: 1).get() }
    }

    @Test func onlyAnotherSupervisorConfirmsASitePause() throws {
        let site = Pause(id: PauseID(rawValue: 2), scope: .site, target: "dakhla", mode: .drain, reason: "grid", requestedBy: "sup-eau", requestedAt: t0)
        #expect(throws: ActionError.self) { try OversightPolicy.checkConfirmation(of: site, by: "sup-eau") }
        try OversightPolicy.checkConfirmation(of: site, by: "sup-rsu")
        let pool = Pause(id: PauseID(rawValue: 3), scope: .pool, target: "dakhla-gpu", mode: .continue, reason: "x", requestedBy: "sup-eau", requestedAt: t0)
        #expect(throws: ActionError.self) { try OversightPolicy.checkConfirmation(of: pool, by: "sup-rsu") }
    }
}
