import ConsoleCore
import Foundation
import Logging
import TerminalNCurses

/// Held actions that were never sent because the dashboard ended abruptly (a signal, Ctrl-C): a confirmed action
/// is never lost silently. The terminal is given back first, then each is written to standard error and to the log
/// with the command line that sends it.
enum HeldActionsReport {
    static func report(_ state: ConsoleState, terminal: NCursesTerminal, logger: Logger, why: String) {
        guard !state.held.isEmpty else { return }
        terminal.stop()
        var lines = ["fusion-console: \(state.held.count) held action(s) were NOT sent (\(why)). To send them now:"]
        for item in state.held {
            let entry = state.sessionActions[item.entry]
            let command = state.commandLine(for: entry)
            logger.warning("held action not sent", metadata: ["action": "\(entry.label)", "command": "\(command)"])
            lines.append("  " + command)
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
