import Foundation
import Logging

/// Sends the process's logs to a file (never to the terminal the dashboard is drawing on).
enum LogSetup {
    /// The default log file: `$XDG_STATE_HOME/fusion-console/console.log` or `~/.local/state/…`.
    static func defaultPath(environment: [String: String], home: String) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/fusion-console/console.log"
        }
        return home + "/.local/state/fusion-console/console.log"
    }

    /// Bootstraps swift-log to append to `path` at `level`; returns a logger for `label`.
    static func start(path: String, level: String, label: String) throws(CommandFailure) -> Logger {
        let sink: FileLogHandler.Sink
        do {
            sink = try FileLogHandler.Sink(path: path)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(exitCode: CommandFailure.usageCode, message: "Cannot create the log folder for \(path): \(error.localizedDescription)")
        }
        let logLevel = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink, logLevel: logLevel) }
        return Logger(label: label)
    }
}
