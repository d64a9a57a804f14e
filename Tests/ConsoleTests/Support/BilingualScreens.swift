import ConsoleCore
import ConsoleRender
import FactoryModel
import Foundation
import Testing

/// The screens, dialogs and overlays the language tests draw in English and in French: every screen at 80x24,
/// the four action dialogs, the help, the detail panes, and the modes and messages of the chrome.
enum BilingualScreens {
    /// One situation to draw: its golden name (without the language) and how to reach it.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var make: @Sendable (ConsoleFixture, Localizer) throws -> ConsoleState
        var description: String { name }
    }

    /// The golden name of `name` in `language`: the English ones are the existing `overview-80x24`…, the French
    /// ones `fr-overview-80x24`….
    static func golden(_ name: String, _ language: Language) -> String {
        language == .english ? name : "fr-" + name
    }

    /// The screens and dialogs with golden files in both languages.
    static let goldenCases: [Case] = [
        Case(name: "overview-80x24") { fixture, tr in try fixture.state(screen: .overview, localizer: tr) },
        Case(name: "nodes-80x24") { fixture, tr in try fixture.state(screen: .nodes, localizer: tr) },
        Case(name: "runs-80x24") { fixture, tr in try fixture.state(screen: .runs, localizer: tr) },
        Case(name: "approvals-80x24") { fixture, tr in try fixture.state(screen: .approvals, localizer: tr) },
        Case(name: "institutes-80x24") { fixture, tr in try fixture.state(screen: .institutes, localizer: tr) },
        Case(name: "audit-80x24") { fixture, tr in try fixture.state(screen: .audit, localizer: tr) },
        Case(name: "dialog-approve-80x24") { fixture, tr in
            var state = try onHighRiskApproval(fixture, tr)
            _ = try fixture.press([.character("a")], on: &state)
            return state
        },
        Case(name: "dialog-reject-80x24") { fixture, tr in
            var state = try onHighRiskApproval(fixture, tr)
            _ = try fixture.press([.character("r")] + "Données incomplètes ⵜⴰⵎⴰⵣⵉⵖⵜ".map { .character($0) }, on: &state)
            return state
        },
        Case(name: "dialog-cancel-80x24") { fixture, tr in
            var state = try onRun(fixture, tr) { $0.state == .running }
            _ = try fixture.press([.character("c")], on: &state)
            return state
        },
        Case(name: "dialog-reroute-80x24") { fixture, tr in
            var state = try onRun(fixture, tr) { $0.state == .queued && $0.gpus > 0 }
            _ = try fixture.press([.character("m")], on: &state)
            return state
        },
        Case(name: "help-approvals-80x24") { fixture, tr in
            var state = try fixture.state(screen: .approvals, localizer: tr)
            _ = try fixture.press([.character("?")], on: &state)
            state.identity.role = .operator
            return state
        },
        Case(name: "help-overview-80x24") { fixture, tr in
            var state = try fixture.state(screen: .overview, localizer: tr)
            _ = try fixture.press([.character("?")], on: &state)
            return state
        },
        Case(name: "approvals-detail-80x24") { fixture, tr in
            var state = try fixture.state(screen: .approvals, localizer: tr)
            _ = try fixture.press([.enter], on: &state)
            return state
        },
        // The red banner of a pool pause (draining) and of a site pause awaiting its second supervisor.
        Case(name: "overview-paused-80x24") { fixture, tr in
            try PauseBannerTests.pause(fixture)
            return try fixture.state(localizer: tr)
        },
        // The classification line above everything.
        Case(name: "classification-overview-80x24") { fixture, tr in
            var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
            options.localizer = tr
            options.classification = "DAKHLA · PRODUCTION · RESTRICTED"
            return try fixture.state(options: options)
        },
    ]

    /// More situations, checked for untranslated text but without golden files: details, modes, messages.
    static let otherCases: [Case] = [
        Case(name: "runs-detail") { fixture, tr in
            var state = try onRun(fixture, tr, width: 160, height: 48) { $0.state == .awaitingApproval }
            _ = try fixture.press([.enter], on: &state)
            return state
        },
        Case(name: "runs-detail-narrow") { fixture, tr in
            var state = try onRun(fixture, tr) { $0.state == .running }
            _ = try fixture.press([.enter], on: &state)
            return state
        },
        Case(name: "nodes-detail") { fixture, tr in
            var state = try fixture.state(screen: .nodes, width: 160, height: 48, localizer: tr)
            _ = try fixture.press([.enter], on: &state)
            return state
        },
        Case(name: "nodes-detail-stale") { fixture, tr in
            var state = try fixture.state(screen: .nodes, localizer: tr)
            _ = try fixture.press([.character("s"), .character("s"), .character("s"), .character("s"), .enter], on: &state)
            return state
        },
        Case(name: "institutes-detail") { fixture, tr in
            var state = try fixture.state(screen: .institutes, width: 160, height: 48, localizer: tr)
            _ = try fixture.press([.enter], on: &state)
            return state
        },
        Case(name: "project-detail") { fixture, tr in
            var state = try fixture.state(screen: .institutes, width: 160, height: 48, localizer: tr)
            _ = try fixture.press([.down, .enter], on: &state)
            return state
        },
        Case(name: "audit-detail") { fixture, tr in
            var state = try fixture.state(screen: .audit, width: 160, height: 48, localizer: tr)
            _ = try fixture.press([.enter], on: &state)
            return state
        },
        Case(name: "overview-160x48") { fixture, tr in try fixture.state(screen: .overview, width: 160, height: 48, localizer: tr) },
        Case(name: "runs-160x48") { fixture, tr in try fixture.state(screen: .runs, width: 160, height: 48, localizer: tr) },
        Case(name: "nodes-160x48") { fixture, tr in try fixture.state(screen: .nodes, width: 160, height: 48, localizer: tr) },
        Case(name: "institutes-160x48") { fixture, tr in
            try fixture.state(screen: .institutes, width: 160, height: 48, localizer: tr)
        },
        Case(name: "audit-160x48") { fixture, tr in try fixture.state(screen: .audit, width: 160, height: 48, localizer: tr) },
        Case(name: "help-runs") { fixture, tr in
            var state = try fixture.state(screen: .runs, role: .viewer, readOnly: true, localizer: tr)
            _ = try fixture.press([.character("?")], on: &state)
            state.identity.role = .viewer
            return state
        },
        Case(name: "help-nodes") { fixture, tr in
            var state = try fixture.state(screen: .nodes, localizer: tr)
            _ = try fixture.press([.character("?")], on: &state)
            return state
        },
        Case(name: "filter-typing") { fixture, tr in
            var state = try fixture.state(screen: .runs, localizer: tr)
            _ = try fixture.press([.character("/")] + "zzzz".map { .character($0) }, on: &state)
            return state
        },
        Case(name: "empty-filters") { fixture, tr in
            var state = try fixture.state(screen: .approvals, localizer: tr)
            _ = try fixture.press([.character("/")] + "zzzz".map { .character($0) } + [.enter], on: &state)
            return state
        },
        Case(name: "command-typing") { fixture, tr in
            var state = try fixture.state(screen: .runs, localizer: tr)
            _ = try fixture.press([.character(":"), .character("r")], on: &state)
            return state
        },
        Case(name: "unknown-command") { fixture, tr in
            var state = try fixture.state(screen: .runs, localizer: tr)
            _ = try fixture.press([.character(":"), .character("z"), .enter], on: &state)
            return state
        },
        // The comfort and oversight overlays, prompts and dialogs.
        Case(name: "dialog-pause") { fixture, tr in
            var state = try fixture.state(screen: .runs, localizer: tr)
            _ = try fixture.press([.character("P")] + "dakhla-gpu drain".map { .character($0) } + [.enter], on: &state)
            return state
        },
        Case(name: "dialog-escalate") { fixture, tr in
            var state = try onHighRiskApproval(fixture, tr)
            _ = try fixture.press([.character("e")] + "sup-eau".map { .character($0) } + [.enter], on: &state)
            return state
        },
        Case(name: "dialog-confirm-pause") { fixture, tr in
            try PauseBannerTests.pause(fixture)
            var state = try fixture.state(screen: .overview, account: "sup-national", localizer: tr)
            _ = try fixture.press([.character(":")] + "confirm H-2".map { .character($0) } + [.enter], on: &state)
            return state
        },
        Case(name: "reverse-refused") { fixture, tr in
            var state = try onHighRiskApproval(fixture, tr)
            _ = try fixture.press([.character("U")], on: &state)
            return state
        },
        Case(name: "session-actions-empty") { fixture, tr in
            var state = try fixture.state(screen: .runs, localizer: tr)
            _ = try fixture.press([.character("@")], on: &state)
            return state
        },
        Case(name: "export-prompt") { fixture, tr in
            var state = try fixture.state(screen: .runs, localizer: tr)
            _ = try fixture.press([.character("x")], on: &state)
            return state
        },
        Case(name: "copy-off") { fixture, tr in
            var state = try fixture.state(screen: .runs, localizer: tr)
            _ = try fixture.press([.character("y")], on: &state)
            return state
        },
        Case(name: "held-cancel") { fixture, tr in
            var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
            options.localizer = tr
            options.graceSeconds = 5
            var state = try fixture.state(screen: .runs, options: options)
            let window = try #require(state.store?.runs)
            let local = try #require(window.rows.firstIndex { $0.state == .running })
            _ = try fixture.press(Array(repeating: .down, count: window.offset + local), on: &state)
            _ = try fixture.press([.character("c")] + "trop long".map { .character($0) } + [.tab, .tab, .enter], on: &state)
            _ = try fixture.press([.character("@")], on: &state)
            return state
        },
        Case(name: "refused-role") { fixture, tr in
            var state = try fixture.state(screen: .approvals, localizer: tr)
            state.identity.role = .operator
            _ = try fixture.press([.character("a")], on: &state)
            return state
        },
        Case(name: "reason-required") { fixture, tr in
            var state = try onHighRiskApproval(fixture, tr)
            _ = try fixture.press([.character("r"), .tab, .enter], on: &state)
            return state
        },
        Case(name: "nothing-sent") { fixture, tr in
            var state = try onHighRiskApproval(fixture, tr)
            _ = try fixture.press([.character("a"), .escape], on: &state)
            return state
        },
        Case(name: "read-only") { fixture, tr in try fixture.state(screen: .overview, readOnly: true, localizer: tr) },
        Case(name: "no-registry") { fixture, tr in try fixture.state(screen: .overview, registry: false, localizer: tr) },
        Case(name: "no-registry-nodes") { fixture, tr in try fixture.state(screen: .nodes, registry: false, localizer: tr) },
        Case(name: "store-unavailable") { fixture, tr in
            var state = try fixture.state(screen: .overview, localizer: tr)
            _ = state.update(.storeFailed("disk I/O error", at: ConsoleFixture.now))
            return state
        },
        Case(name: "too-small") { fixture, tr in try fixture.state(width: 60, height: 20, localizer: tr) },
    ]

    /// The approvals screen on a high-risk approval that another supervisor (sup-energie) may decide.
    static func onHighRiskApproval(_ fixture: ConsoleFixture, _ tr: Localizer) throws -> ConsoleState {
        let account = "sup-energie"
        var state = try fixture.state(screen: .approvals, account: account, localizer: tr)
        let index = try #require(ScreenChecks.approvalIndex(state) {
            $0.state == .pending && $0.risk == .high && $0.requiredApprovals == 2 && $0.approvers.count == 1
                && !$0.approvers.contains(account) && $0.runSubmittedBy != account && $0.requestedBy != account
        })
        _ = try fixture.press(Array(repeating: .down, count: index), on: &state)
        return state
    }

    /// The runs screen on the first loaded run that matches.
    static func onRun(
        _ fixture: ConsoleFixture, _ tr: Localizer, width: Int = 80, height: Int = 24, where predicate: (Run) -> Bool
    ) throws -> ConsoleState {
        var state = try fixture.state(screen: .runs, width: width, height: height, localizer: tr)
        let window = try #require(state.store?.runs)
        let found = window.rows.firstIndex(where: predicate)
        let local = try #require(found)
        _ = try fixture.press(Array(repeating: .down, count: window.offset + local), on: &state)
        return state
    }
}
