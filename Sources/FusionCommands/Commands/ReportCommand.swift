import ArgumentParser
import Foundation
import FactoryModel
import FactoryStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The oversight report: per supervisor, decisions, approval rate, time to decide, too-fast decisions.",
        discussion: """
            TOO FAST counts decisions taken less than the minimum reading time (--min-reading, or [oversight] \
            min_reading_time, default 15 s) after the approval was asked or last reversed: a sign of rubber-stamping.
            """
    )
    @Option(help: ArgumentHelp("7d, 12h, 30m, 2026-11-01 or an ISO-8601 time (default 7d).", valueName: "when")) var since = "7d"
    @Option(name: .customLong("min-reading"), help: ArgumentHelp("Seconds (e.g. 20 or 20s).", valueName: "seconds"))
    var minReading: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let now = Date()
        guard let start = ReportWindow.start(since, now: now) else {
            throw CommandFailure.usage("\"\(since.prefix(40))\" is not a time: say 7d, 12h, 30m, 2026-11-01 or 2026-11-01T08:00:00Z.")
        }
        var minimum = context.settings.oversight.minReadingTime
        if let minReading {
            guard let seconds = ReportWindow.seconds(minReading) else {
                throw CommandFailure.usage("--min-reading takes seconds, e.g. 20 or 20s.")
            }
            minimum = seconds
        }
        let store = try context.openStore(mode: .readOnly)
        let facts = try storeRead { () throws(StoreError) in try store.decisionFacts(since: start, until: now.addingTimeInterval(1)) }
        let figures = OversightReport.figures(facts, minReadingTime: minimum)
        if json {
            print(try JSONOutput.encode(figures.map { ReportJSON($0, since: start, minReading: minimum) }))
            return
        }
        guard !figures.isEmpty else {
            print(context.tr("No decisions since \(ISO8601.string(from: start))."))
            return
        }
        var table = TextTable(
            [
                .init(title: "SUPERVISOR"), .init(title: "DECISIONS", alignment: .right), .init(title: "APPROVED", alignment: .right),
                .init(title: "REJECTED", alignment: .right), .init(title: "RATE", alignment: .right),
                .init(title: "MEDIAN", alignment: .right), .init(title: "TOO FAST", alignment: .right),
                .init(title: "REVERSED", alignment: .right),
            ],
            charset: context.charset, tr: context.tr
        )
        for line in figures {
            table.add([
                line.account, "\(line.decisions)", "\(line.approvals)", "\(line.rejections)",
                "\(Int((line.approvalRate * 100).rounded()))%", ReportWindow.duration(line.medianSecondsToDecide),
                "\(line.fasterThanReading)", "\(line.reversed)",
            ])
        }
        print(context.tr("Decisions since \(ISO8601.string(from: start)); too fast = under \(ReportWindow.duration(minimum)) of reading."))
        print(table.render(width: OutputTerminal.width(environment: context.environment)))
    }
}

/// One line of `report --json`.
struct ReportJSON: Encodable {
    let supervisor, since: String
    let decisions, approvals, rejections, reversed, tooFast: Int
    let approvalRate, medianSecondsToDecide, minReadingSeconds: Double

    enum CodingKeys: String, CodingKey {
        case supervisor, since, decisions, approvals, rejections, reversed
        case tooFast = "too_fast", approvalRate = "approval_rate", medianSecondsToDecide = "median_seconds_to_decide"
        case minReadingSeconds = "min_reading_seconds"
    }

    init(_ figures: SupervisorFigures, since: Date, minReading: Double) {
        supervisor = figures.account
        self.since = ISO8601.string(from: since)
        decisions = figures.decisions
        approvals = figures.approvals
        rejections = figures.rejections
        reversed = figures.reversed
        tooFast = figures.fasterThanReading
        approvalRate = figures.approvalRate
        medianSecondsToDecide = figures.medianSecondsToDecide
        minReadingSeconds = minReading
    }
}

/// Reading `--since` and `--min-reading`, and printing durations.
enum ReportWindow {
    /// `7d`, `12h`, `30m`, `90s` before `now`; a day `2026-11-01` (UTC midnight); or an ISO-8601 time.
    static func start(_ text: String, now: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = relative(trimmed) { return now.addingTimeInterval(-seconds) }
        if let date = ISO8601.date(from: trimmed) { return date }
        if trimmed.count == 10, let date = ISO8601.date(from: trimmed + "T00:00:00Z") { return date }
        return nil
    }

    /// `20`, `20s`, `2m`: seconds.
    static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Double(trimmed), plain >= 0, plain <= 86_400 { return plain }
        return relative(trimmed)
    }

    private static func relative(_ text: String) -> Double? {
        guard let unit = text.last, let count = Double(text.dropLast()), count >= 0, count <= 100_000 else { return nil }
        switch unit {
        case "d": return count * 86_400
        case "h": return count * 3600
        case "m": return count * 60
        case "s": return count
        default: return nil
        }
    }

    /// `42s`, `3m05s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3600, whole % 3600 / 60)
    }
}
