import FactoryModel
import Foundation

/// Reads a registry document straight from its bytes with ``JSONScanner``, checking every known
/// field and naming the first bad one (`nodes[3].gpus[1].util`). Unknown keys are skipped.
enum FusionJSONReader {
    static func decode(_ data: Data) throws(RegistryProblem) -> FusionRegistryJSON.Document {
        typealias Outcome = Result<FusionRegistryJSON.Document, FusionReadError>
        let result = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Outcome in
            let bytes = raw.bindMemory(to: UInt8.self)
            var reader = FusionDocumentReader(JSONScanner(bytes))
            do throws(FusionReadError) {
                return .success(try reader.document())
            } catch {
                // A newer schema may have failed our checks before `schema_version` was read:
                // then its version, not the failure, is the news.
                if case FusionReadError.scan = error, let version = FusionDocumentReader.schemaVersion(in: bytes),
                   version > FusionRegistryJSON.schemaVersion {
                    return .failure(.newerSchema(version))
                }
                return .failure(error)
            }
        }
        switch result {
        case .success(let document):
            return document
        case .failure(.scan(let error)):
            throw .malformed(path: error.path, reason: error.reason)
        case .failure(.newerSchema(let version)):
            throw .unsupportedSchemaVersion(found: version, supported: FusionRegistryJSON.schemaVersion)
        }
    }
}

/// Why reading stopped: a bad field, or a schema too new to read.
enum FusionReadError: Error {
    case scan(JSONScanError)
    case newerSchema(Int)
}

/// A timestamp field as read: a date, or the text that was not one.
enum FusionTimestamp {
    case valid(Date)
    case invalid(String)
}

/// Walks a registry document with a ``JSONScanner``; one per document.
struct FusionDocumentReader {
    var scanner: JSONScanner
    /// Set when `schema_version` is newer than ours; reading stops there.
    var newerSchema: Int?
    /// The last values read of fields that repeat from node to node, handed back rather than made again.
    var lastSite: String?
    var lastPool: String?
    var lastModel: String?

    /// The keys read, in the order of the `switch` that reads them.
    static let documentKeys: [StaticString] = ["schema_version", "generated_at", "nodes"]
    static let nodeKeys: [StaticString] = [
        "id", "name", "site", "pool", "kind", "status", "heartbeat_at", "cpu_util", "mem_util", "gpus",
    ]
    static let gpuKeys: [StaticString] = ["index", "model", "util", "mem_used_mib", "mem_total_mib", "temp_c", "power_w"]

    init(_ scanner: JSONScanner) { self.scanner = scanner }

    /// Only the top-level `schema_version`, skipping everything else; `nil` if absent or unreadable.
    static func schemaVersion(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var scanner = JSONScanner(bytes)
        do throws(JSONScanError) {
            try scanner.beginObject()
            while let key = try scanner.nextKey() {
                if key == "schema_version" { return try scanner.readInt() }
                try scanner.skipValue()
            }
        } catch {}
        return nil
    }

    mutating func document() throws(FusionReadError) -> FusionRegistryJSON.Document {
        do throws(JSONScanError) {
            var version: Int?
            var generatedAt: Date?
            var nodes: [NodeSample]?
            try scanner.beginObject()
            while let key = try scanner.nextKey(in: Self.documentKeys) {
                switch key {
                case 0:
                    scanner.path.append(.key("schema_version"))
                    let value = try scanner.readInt()
                    guard value >= 1 else { throw scanner.error("expected 1 or more, got \(value)") }
                    guard value <= FusionRegistryJSON.schemaVersion else {
                        newerSchema = value
                        throw scanner.error("newer schema")
                    }
                    version = value
                    scanner.path.removeLast()
                case 1:
                    scanner.path.append(.key("generated_at"))
                    generatedAt = try timestamp()
                    scanner.path.removeLast()
                case 2:
                    scanner.path.append(.key("nodes"))
                    nodes = try nodeList()
                    scanner.path.removeLast()
                default:
                    try scanner.skipValue()
                }
            }
            try scanner.end()
            guard let version else { throw missing("schema_version") }
            guard let generatedAt else { throw missing("generated_at") }
            guard let nodes else { throw missing("nodes") }
            return FusionRegistryJSON.Document(schemaVersion: version, generatedAt: generatedAt, nodes: nodes)
        } catch {
            if let newerSchema { throw .newerSchema(newerSchema) }
            throw .scan(error)
        }
    }

    private mutating func nodeList() throws(JSONScanError) -> [NodeSample] {
        var nodes: [NodeSample] = []
        var ids = Set<String>()
        try scanner.beginArray()
        while try scanner.nextElement() {
            scanner.path.append(.index(nodes.count))
            let node = try self.node()
            if !ids.insert(node.id).inserted {
                scanner.path.append(.key("id"))
                throw scanner.error("duplicate node id \(UntrustedText.quoted(node.id))")
            }
            nodes.append(node)
            scanner.path.removeLast()
        }
        return nodes
    }

    private mutating func node() throws(JSONScanError) -> NodeSample {
        var id: String?, name: String?, site: String?, pool: String?
        var kind: ResourceKind?, status: NodeStatus?, heartbeat: Date?
        var cpu: Double?, mem: Double?, gpus: [GPUSample]?
        try scanner.beginObject()
        while let key = try scanner.nextKey(in: Self.nodeKeys) {
            switch key {
            case 0: enter("id"); id = try nonEmptyString(); leave()
            case 1: enter("name"); name = try nonEmptyString(); leave()
            case 2: enter("site"); site = try scanner.readString(reusing: lastSite); lastSite = site; leave()
            case 3: enter("pool"); pool = try scanner.readString(reusing: lastPool); lastPool = pool; leave()
            case 4: enter("kind"); kind = try enumValue(ResourceKind.self); leave()
            case 5: enter("status"); status = try enumValue(NodeStatus.self); leave()
            case 6: enter("heartbeat_at"); heartbeat = try timestamp(); leave()
            case 7: enter("cpu_util"); cpu = try percent(); leave()
            case 8: enter("mem_util"); mem = try percent(); leave()
            case 9: enter("gpus"); gpus = try gpuList(); leave()
            default: try scanner.skipValue()
            }
        }
        guard let id else { throw missing("id") }
        guard let name else { throw missing("name") }
        guard let site else { throw missing("site") }
        guard let pool else { throw missing("pool") }
        guard let kind else { throw missing("kind") }
        guard let status else { throw missing("status") }
        guard let heartbeat else { throw missing("heartbeat_at") }
        guard let cpu else { throw missing("cpu_util") }
        guard let mem else { throw missing("mem_util") }
        guard let gpus else { throw missing("gpus") }
        return NodeSample(id: id, name: name, site: site, pool: pool, kind: kind, status: status,
                          heartbeatAt: heartbeat, cpuUtil: cpu, memUtil: mem, gpus: gpus)
    }

    private mutating func gpuList() throws(JSONScanError) -> [GPUSample] {
        var gpus: [GPUSample] = []
        var indices = Set<Int>()
        try scanner.beginArray()
        while try scanner.nextElement() {
            scanner.path.append(.index(gpus.count))
            let gpu = try self.gpu()
            if !indices.insert(gpu.index).inserted {
                scanner.path.append(.key("index"))
                throw scanner.error("duplicate GPU index \(gpu.index)")
            }
            gpus.append(gpu)
            scanner.path.removeLast()
        }
        return gpus
    }

    private mutating func gpu() throws(JSONScanError) -> GPUSample {
        var index: Int?, model: String?
        var util: Double?, used: Double?, total: Double?, temp: Double?, power: Double?
        try scanner.beginObject()
        while let key = try scanner.nextKey(in: Self.gpuKeys) {
            switch key {
            case 0: enter("index"); index = try gpuIndex(); leave()
            case 1: enter("model"); model = try scanner.readString(reusing: lastModel); lastModel = model; leave()
            case 2: enter("util"); util = try percent(); leave()
            case 3: enter("mem_used_mib"); used = try nonNegative(); leave()
            case 4: enter("mem_total_mib"); total = try nonNegative(); leave()
            case 5: enter("temp_c"); temp = try scanner.readDouble(); leave()
            case 6: enter("power_w"); power = try nonNegative(); leave()
            default: try scanner.skipValue()
            }
        }
        guard let index else { throw missing("index") }
        guard let model else { throw missing("model") }
        guard let util else { throw missing("util") }
        guard let used else { throw missing("mem_used_mib") }
        guard let total else { throw missing("mem_total_mib") }
        guard let temp else { throw missing("temp_c") }
        guard let power else { throw missing("power_w") }
        return GPUSample(index: index, model: model, util: util, memUsedMiB: used, memTotalMiB: total, tempC: temp, powerW: power)
    }
}
