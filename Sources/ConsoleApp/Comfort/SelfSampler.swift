import ConsoleCore
import Foundation

/// Measures the console itself once a second for the status line: CPU share (from `getrusage`), resident memory
/// (`/proc/self/statm`), store and registry polls in the last minute, and bytes per second sent to the terminal (as
/// counted by the terminal backend). Used on the loop's thread only.
public final class SelfSampler {
    private var lastCPU: Double?
    private var lastWall: Date?
    private var lastBytes: UInt64?
    private var storePolls: [Date] = []
    private var registryPolls: [Date] = []
    private let registryConfigured: Bool

    /// A sampler; `registryConfigured` says whether registry polls are worth showing.
    public init(registryConfigured: Bool) {
        self.registryConfigured = registryConfigured
    }

    /// Notes a store read asked for.
    public func storePolled(at time: Date) { storePolls.append(time) }

    /// Notes a registry answer received.
    public func registryPolled(at time: Date) { registryPolls.append(time) }

    /// The figures since the last sample; `terminalBytes` is the terminal's running total (nil when not counted).
    public func sample(at now: Date, terminalBytes: UInt64?) -> SelfStats {
        let cpu = Self.cpuSeconds()
        var percent = 0.0
        if let lastCPU, let lastWall, now.timeIntervalSince(lastWall) > 0 {
            percent = max(0, (cpu - lastCPU) / now.timeIntervalSince(lastWall) * 100)
        }
        var bytesPerSecond: Double?
        if let terminalBytes {
            if let lastBytes, let lastWall, now.timeIntervalSince(lastWall) > 0, terminalBytes >= lastBytes {
                bytesPerSecond = Double(terminalBytes - lastBytes) / now.timeIntervalSince(lastWall)
            } else {
                bytesPerSecond = 0
            }
        }
        lastCPU = cpu
        lastWall = now
        lastBytes = terminalBytes
        let minuteAgo = now.addingTimeInterval(-60)
        storePolls.removeAll { $0 < minuteAgo }
        registryPolls.removeAll { $0 < minuteAgo }
        return SelfStats(
            cpuPercent: percent, residentBytes: Self.residentBytes(), storePollsPerMinute: storePolls.count,
            registryPollsPerMinute: registryConfigured ? registryPolls.count : nil, terminalBytesPerSecond: bytesPerSecond)
    }

    /// User and system CPU seconds of the whole process.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Resident memory in bytes (the second figure of `/proc/self/statm`, in pages).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
