import ConsoleCore
import FactoryModel
import FactorySimulator
import Foundation
import Testing

/// A read-only session cannot be talked into sending an action: no key, in no screen and no mode, produces a
/// `.perform` effect (and the gate refuses anyway, see `RolePermissionTests`).
@Suite("Read-only mode cannot be escaped by any key")
struct ReadOnlyEscapeTests {
    /// Every key the terminal backend can report: printable ASCII, some Unicode, Ctrl-letters, function keys and
    /// every named key.
    static let everyKey: [Key] = {
        var keys: [Key] = (0x20..<0x7F).map { .character(Character(Unicode.Scalar(UInt8($0)))) }
        keys += ["é", "ⵜ", "ع", "漢", "😀"].map { .character($0) }
        keys += (UInt8(ascii: "a")...UInt8(ascii: "z")).map { .control(Character(Unicode.Scalar($0))) }
        keys += (1...12).map { .function($0) }
        keys += [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete]
        return keys.filter { $0 != .control("c") }  // Ctrl-C quits: tried on its own below
    }()

    /// The keys that open things and move focus, tried most often in the random walks.
    static let pointedKeys: [Key] = [
        .character("a"), .character("r"), .character("c"), .character("m"), .enter, .enter, .enter, .tab, .backTab, .right,
        .left, .down, .up, .character("j"), .character("k"), .escape, .character("x"), .character("/"), .character(":"),
        .character("?"),
    ] + (1...6).map { .character(Character(String($0))) }

    static func perform(in effects: [ConsoleEffect]) -> ConsoleEffect? {
        effects.first { if case .perform = $0 { true } else { false } }
    }

    /// A console with data, on `screen`, in every mode reachable by keys (normal, detail, filter, command, help),
    /// plus one with a dialog forced open (unreachable by keys in a read-only session).
    static func startingStates(_ fixture: ConsoleFixture, readOnly: Bool) throws -> [(String, ConsoleState)] {
        var states: [(String, ConsoleState)] = []
        for screen in Screen.allCases {
            let base = try fixture.state(screen: screen, width: 120, height: 40, readOnly: readOnly)
            states.append(("\(screen)", base))
            for (name, key) in [("detail", Key.enter), ("filter", .character("/")), ("command", .character(":")), ("help", .character("?"))] {
                var state = base
                _ = state.update(.key(key))
                states.append(("\(screen)/\(name)", state))
            }
            for kind in [ActionDialog.Kind.approve, .reject, .cancel, .reroute] {
                var state = base
                let subject = kind == .approve || kind == .reject
                    ? (state.store?.approvals.rows.first?.id.description ?? "A-1")
                    : (state.store?.runs.rows.first?.id.description ?? "R-1")
                var dialog = ActionDialog(
                    kind: kind, subject: subject, title: "forced", explanation: [], reasonRequired: false,
                    poolChoices: state.store?.pools ?? []
                )
                dialog.focus = .confirmButton
                state.mode = .dialog(dialog)
                states.append(("\(screen)/forced \(kind) dialog", state))
            }
        }
        return states
    }

    @Test func noSingleKeyInAnyScreenOrModeSendsAnAction() throws {
        let fixture = try ConsoleFixture()
        var tried = 0
        for (name, start) in try Self.startingStates(fixture, readOnly: true) {
            for key in Self.everyKey {
                var state = start
                let effects = state.update(.key(key))
                tried += 1
                #expect(Self.perform(in: effects) == nil, "\(name): \(key) sent \(effects)")
            }
            var state = start
            #expect(Self.perform(in: state.update(.key(.control("c")))) == nil)
        }
        print("hardening: hostile=\(tried) faults=0 racing=0 lost=0 test=readOnlySingleKeys")
    }

    @Test func randomKeySequencesNeverSendAnActionInAReadOnlySession() throws {
        let fixture = try ConsoleFixture()
        let starts = try Self.startingStates(fixture, readOnly: true)
        var random = SeededRandom(seed: 0x5EED)  // the same keys on every run
        var pressed = 0
        for (name, start) in starts {
            for _ in 0..<8 {
                var state = start
                for _ in 0..<40 {
                    let key = random.next() % 3 == 0
                        ? Self.everyKey[Int(random.next() % UInt64(Self.everyKey.count))]
                        : Self.pointedKeys[Int(random.next() % UInt64(Self.pointedKeys.count))]
                    let effects = state.update(.key(key))
                    pressed += 1
                    #expect(Self.perform(in: effects) == nil, "\(name): \(key) sent \(effects)")
                    if state.quitting { break }
                }
            }
        }
        print("hardening: hostile=\(pressed) faults=0 racing=0 lost=0 test=readOnlyRandomWalks")
    }

    /// The same walks in a normal session do send actions: the walks can reach a confirm button, so their silence
    /// above is the read-only mode's doing.
    @Test func theSameWalksSendActionsWhenTheSessionMayAct() throws {
        let fixture = try ConsoleFixture()
        var random = SeededRandom(seed: 0x5EED)  // the same keys on every run
        var sent = 0
        for (_, start) in try Self.startingStates(fixture, readOnly: false) {
            var state = start
            for _ in 0..<40 {
                let key = Self.pointedKeys[Int(random.next() % UInt64(Self.pointedKeys.count))]
                if Self.perform(in: state.update(.key(key))) != nil { sent += 1 }
                if state.quitting { break }
            }
        }
        #expect(sent > 0)
    }
}
