import FactoryModel
import Foundation

/// The JSON of the Fusion registry API (`GET /v1/nodes`), schema version 1.
///
/// The same document is served by the simulator and printed by `fusion-console nodes --json`.
/// See `docs/registry-api.md` for the contract:
///
/// ```json
/// {"schema_version": 1, "generated_at": "2025-05-01T03:12:45Z", "nodes": [
///   {"id": "dkh-g-001", "name": "dkh-g-001", "site": "dakhla", "pool": "dakhla-gpu", "kind": "gpu",
///    "status": "up", "heartbeat_at": "2025-05-01T03:12:44Z", "cpu_util": 31.5, "mem_util": 62,
///    "gpus": [{"index": 0, "model": "H100 SXM5 80GB", "util": 97, "mem_used_mib": 71234,
///              "mem_total_mib": 81559, "temp_c": 71, "power_w": 612.5}]}]}
/// ```
///
/// Reading ignores fields it does not know (so the registry can add some without breaking
/// consoles), and rejects a known field with a wrong type or value, naming where it is
/// (`nodes[3].kind`). A higher `schema_version` is a breaking change and is refused.
public enum FusionRegistryJSON {
    /// The major schema version this console reads and writes.
    public static let schemaVersion = 1

    /// A decoded registry document.
    public struct Document: Sendable, Equatable {
        /// The document's `schema_version`.
        public var schemaVersion: Int
        /// When the registry produced it.
        public var generatedAt: Date
        /// The nodes, in the document's order.
        public var nodes: [NodeSample]

        /// Creates a document.
        public init(schemaVersion: Int = FusionRegistryJSON.schemaVersion, generatedAt: Date, nodes: [NodeSample]) {
            self.schemaVersion = schemaVersion
            self.generatedAt = generatedAt
            self.nodes = nodes
        }
    }

    /// Encodes a snapshot as a registry document, `generated_at` being the snapshot's
    /// `generatedAt` or else its `fetchedAt`.
    ///
    /// - Parameter pretty: indent for people (`--json` on a terminal); compact otherwise.
    public static func encode(_ snapshot: RegistrySnapshot, pretty: Bool = false) -> Data {
        encode(Document(generatedAt: snapshot.generatedAt ?? snapshot.fetchedAt, nodes: snapshot.nodes), pretty: pretty)
    }

    /// Encodes a document. Keys come out in a fixed order, so the output is stable.
    public static func encode(_ document: Document, pretty: Bool = false) -> Data {
        var writer = FusionJSONWriter(pretty: pretty)
        writer.write(document)
        return writer.data
    }

    /// Decodes and checks a registry document.
    ///
    /// - Throws: ``RegistryProblem/malformed(path:reason:)`` naming the first bad field, or
    ///   ``RegistryProblem/unsupportedSchemaVersion(found:supported:)``.
    public static func decode(_ data: Data) throws(RegistryProblem) -> Document {
        try FusionJSONReader.decode(data)
    }
}
