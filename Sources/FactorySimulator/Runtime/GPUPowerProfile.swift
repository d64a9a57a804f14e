/// Power draw of a GPU model at rest and at full load, in watts, for the utilisation model.
struct GPUPowerProfile: Hashable {
    var idleW: Double
    var maxW: Double

    /// The profile of the model named `model` (matched on the usual model names of the demo's racks).
    static func of(_ model: String) -> GPUPowerProfile {
        if model.hasPrefix("H100") { return GPUPowerProfile(idleW: 70, maxW: 700) }
        if model.hasPrefix("A100 SXM") { return GPUPowerProfile(idleW: 55, maxW: 400) }
        if model.hasPrefix("A100") { return GPUPowerProfile(idleW: 40, maxW: 300) }
        if model.hasPrefix("L40S") { return GPUPowerProfile(idleW: 35, maxW: 350) }
        if model.hasPrefix("L4") { return GPUPowerProfile(idleW: 16, maxW: 72) }
        return GPUPowerProfile(idleW: 40, maxW: 300)
    }
}
