/// One GPU of a node, as last sampled.
public struct GPUSample: Codable, Sendable, Hashable {
    /// The GPU's index on its node (0-based).
    public var index: Int
    /// The model name, e.g. `H100 SXM5 80GB`. Untrusted text.
    public var model: String
    /// Utilisation in percent, 0–100.
    public var util: Double
    /// Frame-buffer memory in use, MiB.
    public var memUsedMiB: Double
    /// Frame-buffer memory in total, MiB.
    public var memTotalMiB: Double
    /// Temperature in degrees Celsius.
    public var tempC: Double
    /// Power draw in watts.
    public var powerW: Double

    /// Creates a GPU sample.
    public init(index: Int, model: String, util: Double, memUsedMiB: Double, memTotalMiB: Double, tempC: Double, powerW: Double) {
        self.index = index
        self.model = model
        self.util = util
        self.memUsedMiB = memUsedMiB
        self.memTotalMiB = memTotalMiB
        self.tempC = tempC
        self.powerW = powerW
    }

    /// Memory in use as a percentage of the total (0 when the total is unknown).
    public var memUtil: Double { memTotalMiB > 0 ? 100 * memUsedMiB / memTotalMiB : 0 }
}
