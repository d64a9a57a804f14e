/// The three kinds of capacity the factory schedules work on.
public enum ResourceKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// Accelerated nodes (GPUs) in the Giga and Mega data centres.
    case gpu
    /// General-purpose compute nodes.
    case cpu
    /// Small nodes close to the regions, including rural and mountain zones.
    case edge

    /// The label an operator reads: `GPU`, `CPU`, `Edge`.
    public var label: String {
        switch self {
        case .gpu: "GPU"
        case .cpu: "CPU"
        case .edge: "Edge"
        }
    }

    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
