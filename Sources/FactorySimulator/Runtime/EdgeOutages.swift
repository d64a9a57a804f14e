import Foundation

/// When an edge site drops off the network and when it comes back: one site at a time, drawn from the seed.
struct EdgeOutages {
    /// A site that is down.
    struct Outage: Hashable {
        var site: String
        var from: Date
        var until: Date
    }

    /// A site going down or coming back.
    enum Change: Hashable {
        case down(site: String, until: Date)
        case up(site: String, after: TimeInterval)
    }

    /// The edge sites that may drop, in catalogue order.
    let sites: [String]
    private let settings: SimulationSettings
    private var random: SeededRandom
    private var nextAt: Date
    /// The outage under way, if any.
    private(set) var current: Outage?

    init(sites: [String], start: Date, seed: UInt64, settings: SimulationSettings) {
        self.sites = sites
        self.settings = settings
        random = SeededRandom(seed: seed ^ 0x0ED6_E0F7_A6E5)
        nextAt = start.addingTimeInterval(random.nextDouble(in: settings.firstOutage))
    }

    /// Whether `site` is down now.
    func isDown(_ site: String) -> Bool { current?.site == site }

    /// Ends and starts outages up to `time`; returns what changed, in order.
    mutating func move(to time: Date) -> [Change] {
        var changes: [Change] = []
        while true {
            if let outage = current {
                guard outage.until <= time else { break }
                changes.append(.up(site: outage.site, after: outage.until.timeIntervalSince(outage.from)))
                current = nil
                nextAt = outage.until.addingTimeInterval(random.nextDouble(in: settings.outageGap))
            } else {
                guard !sites.isEmpty, nextAt <= time else { break }
                let outage = Outage(
                    site: random.pick(sites), from: nextAt,
                    until: nextAt.addingTimeInterval(random.nextDouble(in: settings.outageLength))
                )
                current = outage
                changes.append(.down(site: outage.site, until: outage.until))
            }
        }
        return changes
    }
}
