import ConsoleCore
import ConsoleRender
import FactoryModel
import Foundation
import Testing

/// `@`: this session's actions with the command line that does the same, quoted for a POSIX shell.
@Suite("Session actions and their command lines")
struct SessionActionsTests {
    @Test("each action's command line, with --reason quoted, --store when not the default and --as for root")
    func commandLines() throws {
        let run = try #require(RunID("R-190233"))
        let approval = try #require(ApprovalID("A-4821"))
        #expect(CommandLineEquivalent.of(.cancel(run, reason: "runaway: 3x its GPU budget"))
            == "fusion-console cancel R-190233 --reason 'runaway: 3x its GPU budget'")
        #expect(CommandLineEquivalent.of(.reroute(run, toPool: "benguerir-gpu", reason: "Dakhla saturated"), store: "/srv/f s/x.sqlite")
            == "fusion-console reroute R-190233 --to benguerir-gpu --reason 'Dakhla saturated' --store '/srv/f s/x.sqlite'")
        #expect(CommandLineEquivalent.of(.approve(approval, reason: nil), actingAs: "sup-eau")
            == "fusion-console approve A-4821 --as sup-eau")
        #expect(CommandLineEquivalent.of(.reject(approval, reason: "l'eau; rm -rf / $(x) `y`"))
            == #"fusion-console reject A-4821 --reason 'l'\''eau; rm -rf / $(x) `y`'"#)
    }

    @Test("shell quoting reads back unchanged through a real shell")
    func quotingRoundTrip() throws {
        let words = ["plain", "it's", "a b", "$HOME", "`id`", "\"q\"", "back\\slash", "", "é ⵜⴰⵎⴰⵣⵉⵖⵜ", "'"]
        for word in words {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "printf %s " + CommandLineEquivalent.shellQuoted(word)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            process.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(output == word, "\(word) came back as \(output)")
        }
    }

    @Test("the @ overlay lists the actions newest first with their outcome and command line")
    func overlay() throws {
        let fixture = try ConsoleFixture()
        var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
        options.graceSeconds = 5
        options.storeArgument = "/srv/factory.sqlite"
        var state = try fixture.state(screen: .runs, account: "ops-nuit", role: .operator, options: options)
        while state.selectedRun?.state.stateAfterCancel == nil { _ = try fixture.press([.down], on: &state) }
        let run = try #require(state.selectedRun)
        _ = try fixture.press([.character("c")] + "stuck".map { Key.character($0) } + [.tab, .tab, .enter], on: &state)
        _ = try fixture.press([.character("@")], on: &state)
        #expect(state.mode == .sessionActions)
        var grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        #expect(ScreenChecks.row(containing: "What this session did · 1 action", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "cancel \(run.id)  held, sent in 5 s", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "fusion-console cancel \(run.id) --reason stuck --store", in: grid) != nil)
        _ = try fixture.press([.character("z")], on: &state)
        #expect(state.mode == .normal)
        _ = try fixture.press([.character("u"), .character("@")], on: &state)
        grid = ConsoleView.render(state, charset: .utf8)
        #expect(ScreenChecks.row(containing: "taken back, not sent", in: grid) != nil)
    }
}
