import ConsoleCore
import ConsoleRender
import Testing

/// The key map: defaults as before, the `[keys]` section, its conflicts and the keys tmux and screen take.
@Suite("Key map")
struct KeyMapTests {
    @Test("the standard map keeps the keys the console always had")
    func standardKeys() {
        let map = KeyMap.standard
        let expected: [(Key, KeyCommand)] = [
            (.character("a"), .approve), (.character("r"), .reject), (.character("c"), .cancel), (.character("m"), .reroute),
            (.character("?"), .help), (.function(1), .help), (.character("q"), .quit), (.character("/"), .filter),
            (.character(":"), .command), (.enter, .details), (.escape, .back), (.character("j"), .down), (.up, .up),
            (.control("b"), .pageUp), (.character(" "), .pageDown), (.character("G"), .last), (.character("R"), .refresh),
            (.function(5), .refresh), (.control("l"), .redraw), (.tab, .nextScreen), (.character("4"), .approvals),
            (.character("u"), .undo), (.character("@"), .actions), (.character("x"), .export), (.character("y"), .copyID),
            (.character("U"), .reverseDecision), (.character("e"), .escalate), (.character("P"), .pause),
            (.character("%"), .selfStats),
        ]
        for (key, command) in expected {
            #expect(map.command(for: key) == command, "\(key) should run \(command)")
        }
        for command in KeyCommand.allCases {
            #expect(!map.keys(for: command).isEmpty, "\(command) has no default key")
        }
        // No default key is bound twice (the comfort and oversight keys were added side by side).
        let all = KeyCommand.allCases.flatMap { map.keys(for: $0) }
        #expect(Set(all).count == all.count, "a default key runs two commands")
    }

    @Test("the oversight keys are commands of the map: remapped, the new key opens the pause prompt")
    func oversightKeysRemap() throws {
        let fixture = try ConsoleFixture()
        var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
        let configured = try KeyMap.configured(["pause": ["ctrl-p"], "escalate": ["E"]], environment: [:])
        options.keyMap = configured.map
        var state = try fixture.state(screen: .overview, options: options)
        _ = try fixture.press([.character("P")], on: &state)
        #expect(state.mode == .normal)
        _ = try fixture.press([.control("p")], on: &state)
        guard case .command(let field) = state.mode else {
            Issue.record("Ctrl-P did not open the pause prompt: \(String(describing: state.status))")
            return
        }
        #expect(field.text == "pause pool ")
        _ = try fixture.press([.escape, .character("?")], on: &state)
        let help = ConsoleView.render(state, charset: .utf8)
        #expect((0..<help.height).contains { help.row($0).contains("Ctrl-P") && help.row($0).contains(":pause pool|site") })
    }

    @Test("key names: characters, ctrl-, F-keys and named keys, with clear labels")
    func keyNames() {
        #expect(KeyName.parse("a") == .character("a"))
        #expect(KeyName.parse("ctrl-r") == .control("r"))
        #expect(KeyName.parse("C-R") == .control("r"))
        #expect(KeyName.parse("F5") == .function(5))
        #expect(KeyName.parse("pgdn") == .pageDown)
        #expect(KeyName.parse("space") == .character(" "))
        #expect(KeyName.parse("F13") == nil)
        #expect(KeyName.parse("ctrl-") == nil)
        #expect(KeyName.parse("\u{1B}") == nil)
        #expect(KeyName.parse("banana") == nil)
        #expect(KeyName.label(.control("r")) == "Ctrl-R")
        #expect(KeyName.label(.pageDown) == "PgDn")
    }

    @Test("a configured key leaves the command that had it, with a warning; a command left keyless is named")
    func takesKeyFromDefault() throws {
        let (map, warnings) = try KeyMap.configured(["export": ["a"]], environment: [:])
        #expect(map.command(for: .character("a")) == .export)
        #expect(map.keys(for: .approve).isEmpty)
        #expect(map.command(for: .character("x")) == nil)
        #expect(warnings.contains { $0.contains("Key a now runs export") && $0.contains("no longer runs approve") })
        #expect(warnings.contains { $0.contains("No key runs approve") })
    }

    @Test("two commands configured on one key: reported, the first in the command list keeps it")
    func conflict() throws {
        let (map, warnings) = try KeyMap.configured(["approve": ["z"], "reject": ["z", "Z"]], environment: [:])
        #expect(map.command(for: .character("z")) == .approve)
        #expect(map.keys(for: .reject) == [.character("Z")])
        #expect(warnings.contains { $0.contains("Key z is bound to both approve and reject") })
    }

    @Test("unknown command, unknown key and Ctrl-C are errors that say what to write")
    func errors() {
        #expect(throws: KeyMapError.self) { try KeyMap.configured(["aprove": ["a"]], environment: [:]) }
        do {
            _ = try KeyMap.configured(["aprove": ["a"]], environment: [:])
        } catch {
            #expect(error.message.contains("[keys] aprove is not a command. Did you mean approve?"))
        }
        do {
            _ = try KeyMap.configured(["approve": ["ctrl-é"]], environment: [:])
            Issue.record("an unknown key name was accepted")
        } catch {
            #expect(error.message.contains("is not a key name"))
        }
        #expect(throws: KeyMapError.self) { try KeyMap.configured(["help": ["ctrl-c"]], environment: [:]) }
    }

    @Test("Ctrl-B and Ctrl-A: a chosen binding is always reported, a default one only inside that multiplexer")
    func multiplexers() throws {
        #expect(try KeyMap.configured([:], environment: [:]).warnings.isEmpty)
        let inTmux = try KeyMap.configured([:], environment: ["TMUX": "/tmp/tmux-0/default,1,0"]).warnings
        #expect(inTmux.count == 1)
        #expect(inTmux.first?.contains("Ctrl-B runs page_up") == true)
        #expect(inTmux.first?.contains("you are inside tmux") == true)
        let screenBinding = try KeyMap.configured(["refresh": ["ctrl-a"]], environment: [:]).warnings
        #expect(screenBinding.contains { $0.contains("Ctrl-A runs refresh") && $0.contains("screen's prefix key") })
        let inScreen = try KeyMap.configured(["refresh": ["ctrl-a"]], environment: ["STY": "123.pts-0"]).warnings
        #expect(inScreen.contains { $0.contains("you are inside screen ($STY is set)") })
    }

    @Test("a remapped key acts, the old one does not, and the footer and help show the new one")
    func remappedKeyActs() throws {
        let fixture = try ConsoleFixture()
        var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
        options.keyMap = try KeyMap.configured(["approve": ["A"]], environment: [:]).map
        var state = try fixture.state(screen: .approvals, account: "sup-eau", options: options)
        let index = try #require(ScreenChecks.approvalIndex(state) {
            $0.state == .pending && !$0.approvers.contains("sup-eau") && $0.runSubmittedBy != "sup-eau"
                && $0.requestedBy != "sup-eau"
        })
        _ = try fixture.press(Array(repeating: .down, count: index), on: &state)
        _ = try fixture.press([.character("a")], on: &state)
        #expect(state.mode == .normal)
        _ = try fixture.press([.character("A")], on: &state)
        guard case .dialog(let dialog) = state.mode else {
            Issue.record("A did not open the approve dialog: \(String(describing: state.status))")
            return
        }
        #expect(dialog.kind == .approve)
        _ = try fixture.press([.escape], on: &state)
        let grid = ConsoleView.render(state, charset: .utf8)
        #expect(grid.row(23).contains("A approve"))
        _ = try fixture.press([.character("?")], on: &state)
        let help = ConsoleView.render(state, charset: .utf8)
        #expect((0..<help.height).contains { help.row($0).hasPrefix(" │ A  ") && help.row($0).contains("approve") })
    }
}
