import FactoryModel
import Foundation
@testable import NodeRegistry

/// Sample nodes and documents for the registry tests.
enum Fixtures {
    static let generatedAt = Date(timeIntervalSince1970: 1_746_069_165)  // 2025-05-01T03:12:45Z

    /// `count` nodes cycling through the kinds (only GPU nodes when `allGPU`) and statuses; GPU nodes
    /// carry `gpusPerNode` GPUs.
    static func nodes(count: Int, gpusPerNode: Int = 8, allGPU: Bool = false) -> [NodeSample] {
        let sites = ["dakhla", "benguerir", "nouaceur", "rabat"]
        return (0..<count).map { index in
            let kind: ResourceKind = allGPU ? .gpu : index % 5 == 4 ? .edge : (index % 5 == 3 ? .cpu : .gpu)
            let site = sites[index % sites.count]
            let gpuCount = kind == .gpu ? gpusPerNode : 0
            let gpus = (0..<gpuCount).map { gpu in gpuSample(node: index, gpu: gpu) }
            return NodeSample(
                id: "\(site)-\(kind.rawValue)-\(index)", name: "\(site)-n\(index)", site: site, pool: "\(site)-\(kind.rawValue)",
                kind: kind, status: NodeStatus.allCases[index % NodeStatus.allCases.count],
                heartbeatAt: generatedAt.addingTimeInterval(-Double(index % 30)),
                cpuUtil: Double(index % 100) + 0.5, memUtil: Double((index * 3) % 100), gpus: gpus)
        }
    }

    static func gpuSample(node: Int, gpu: Int) -> GPUSample {
        let util = Double((node + gpu * 7) % 101)
        let used = Double(40_000 + gpu * 517)
        return GPUSample(index: gpu, model: "H100 SXM5 80GB", util: util, memUsedMiB: used, memTotalMiB: 81_559,
                         tempC: 55.5 + Double(gpu), powerW: 412.25 + Double(gpu))
    }

    /// A registry document of `nodes`.
    static func document(_ nodes: [NodeSample]) -> Data {
        FusionRegistryJSON.encode(FusionRegistryJSON.Document(generatedAt: generatedAt, nodes: nodes))
    }

    /// A document whose second node (`nodes[1]`) has `field` replaced by `value` (raw JSON), or removed when `nil`.
    static func documentChangingSecondNode(_ field: String, _ value: String?) -> Data {
        var object = try! JSONSerialization.jsonObject(with: document(nodes(count: 3))) as! [String: Any]
        var nodes = object["nodes"] as! [[String: Any]]
        if let value {
            nodes[1][field] = try! JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)
        } else {
            nodes[1].removeValue(forKey: field)
        }
        object["nodes"] = nodes
        return try! JSONSerialization.data(withJSONObject: object)
    }
}
