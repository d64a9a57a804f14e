import Foundation
import Synchronization

/// Samples the `cpu` line of `/proc/stat` every 50 ms on its own thread, so the CPU utilisation of
/// any past window can be computed afterwards, to compare with what Prometheus says for it.
final class ProcStatLog: Sendable {
    private struct Reading {
        var time: Double  // Unix seconds
        var idleSeconds: Double  // summed over every CPU
    }

    private let readings = Mutex<[Reading]>([])
    private let running = Mutex(true)
    /// The number of CPUs (`cpuN` lines).
    let cpuCount: Int

    init() {
        let text = (try? String(contentsOfFile: "/proc/stat", encoding: .utf8)) ?? ""
        cpuCount = text.split(separator: "\n").filter { $0.hasPrefix("cpu") && !$0.hasPrefix("cpu ") }.count
        Thread { [self] in
            while running.withLock({ $0 }) {
                if let idle = Self.idleSeconds() {
                    let reading = Reading(time: Date().timeIntervalSince1970, idleSeconds: idle)
                    readings.withLock { $0.append(reading) }
                }
                usleep(50_000)
            }
        }.start()
    }

    func stop() { running.withLock { $0 = false } }

    /// Busy percentage over [from, to] as node_exporter and `rate()` would count it:
    /// `100 × (1 − idle seconds / (CPUs × seconds))`, the idle counter interpolated at both ends.
    func utilisation(from start: Double, to end: Double) -> Double? {
        let readings = readings.withLock { $0 }
        guard let idleStart = Self.interpolate(readings, at: start), let idleEnd = Self.interpolate(readings, at: end),
              end > start, cpuCount > 0
        else { return nil }
        return 100 * (1 - (idleEnd - idleStart) / (Double(cpuCount) * (end - start)))
    }

    private static func interpolate(_ readings: [Reading], at time: Double) -> Double? {
        guard let after = readings.firstIndex(where: { $0.time >= time }), after > 0 else { return nil }
        let a = readings[after - 1], b = readings[after]
        let fraction = b.time > a.time ? (time - a.time) / (b.time - a.time) : 0
        return a.idleSeconds + fraction * (b.idleSeconds - a.idleSeconds)
    }

    /// The idle field of the `cpu` line, in seconds (USER_HZ ticks / USER_HZ).
    private static func idleSeconds() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return nil }
        let fields = line.split(separator: " ")
        guard fields.count > 4, let idle = Double(fields[4]) else { return nil }
        return idle / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// Keeps one core busy until stopped, so the measured utilisation is well above idle.
final class CPULoad: Sendable {
    private let running = Mutex(true)

    init() {
        Thread { [self] in
            var x = 0.0
            while running.withLock({ $0 }) {
                for i in 0..<100_000 { x += sin(Double(i)) }
            }
            if x == .infinity { print(x) }
        }.start()
    }

    func stop() { running.withLock { $0 = false } }
}
