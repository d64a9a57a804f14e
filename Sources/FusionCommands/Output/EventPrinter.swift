import Foundation
import FactoryModel
import FactorySimulator
import SafeText

/// Prints the simulation's events, one sanitised line each, straight to stdout (unbuffered, so a pipe or a log
/// file follows along).
struct EventPrinter: Sendable {
    let charset: TerminalCharset
    let everyEvent: Bool

    func report(_ report: LiveSimulation.Report) {
        switch report {
        case .events(let events):
            guard everyEvent else { return }
            for event in events where event.kind != .conflict {
                line("\(Self.clock(event.at))  \(event.kind.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) "
                    + "\(event.subject.padding(toLength: 9, withPad: " ", startingAt: 0)) \(event.detail)")
            }
        case .trouble(let message):
            line("The simulator could not take a step (it tries again): \(message)")
        }
    }

    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((Sanitizer.line(text, charset: charset) + "\n").utf8))
    }

    /// `03:12:45`, the simulated time in UTC.
    static func clock(_ date: Date) -> String {
        String(ISO8601.string(from: date).dropFirst(11).prefix(8))
    }
}
