import FactoryModel
import Foundation
@testable import NodeRegistry
import Testing

@Suite("Fusion registry JSON")
struct FusionJSONTests {
    @Test("encode then decode gives the same nodes")
    func roundTrip() throws {
        let nodes = Fixtures.nodes(count: 25, gpusPerNode: 4)
        let document = try FusionRegistryJSON.decode(Fixtures.document(nodes))
        #expect(document.schemaVersion == 1)
        #expect(document.generatedAt == Fixtures.generatedAt)
        #expect(document.nodes == nodes)
    }

    @Test("pretty output decodes too and keeps the documented keys")
    func prettyKeys() throws {
        let snapshot = RegistrySnapshot(nodes: Fixtures.nodes(count: 2), fetchedAt: Fixtures.generatedAt, source: "test")
        let data = FusionRegistryJSON.encode(snapshot, pretty: true)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["\"schema_version\": 1", "\"generated_at\": \"2025-05-01T03:12:45Z\"", "\"heartbeat_at\"", "\"cpu_util\"",
                    "\"mem_util\"", "\"gpus\"", "\"mem_used_mib\"", "\"mem_total_mib\"", "\"temp_c\"", "\"power_w\""] {
            #expect(text.contains(key), "missing \(key)")
        }
        #expect(try FusionRegistryJSON.decode(data).nodes == snapshot.nodes)
        // Compact is one line.
        #expect(!String(decoding: FusionRegistryJSON.encode(snapshot), as: UTF8.self).contains("\n"))
    }

    @Test("strings with quotes and control characters survive the trip")
    func escaping() throws {
        var node = Fixtures.nodes(count: 1)[0]
        node.name = "a\"b\\c\nd\u{1B}[31me\u{7F}é漢"
        let decoded = try FusionRegistryJSON.decode(Fixtures.document([node]))
        #expect(decoded.nodes[0].name == node.name)
    }

    @Test("unknown fields are ignored at every level")
    func unknownFieldsIgnored() throws {
        let json = """
            {"schema_version": 1, "generated_at": "2025-05-01T03:12:45.5+01:00", "future": {"x": [1]},
             "nodes": [{"id": "n1", "name": "n1", "site": "rabat", "pool": "rabat-cpu", "kind": "cpu", "status": "draining",
                        "heartbeat_at": "2025-05-01T02:12:40Z", "cpu_util": 12, "mem_util": 34.5, "rack": "R7",
                        "gpus": [], "labels": {"a": "b"}}]}
            """
        let document = try FusionRegistryJSON.decode(Data(json.utf8))
        #expect(document.nodes.count == 1)
        #expect(document.nodes[0].status == .draining)
        #expect(document.generatedAt == Date(timeIntervalSince1970: 1_746_065_565.5))
    }

    @Test("an empty node list is fine")
    func emptyList() throws {
        let document = try FusionRegistryJSON.decode(Data(#"{"schema_version":1,"generated_at":"2025-05-01T03:12:45Z","nodes":[]}"#.utf8))
        #expect(document.nodes.isEmpty)
    }

    @Test("malformed fields are named by their path", arguments: [
        ("kind", #""storage""#, "malformed JSON at nodes[1].kind: expected gpu, cpu or edge, got 'storage'"),
        ("status", #""sleeping""#, "malformed JSON at nodes[1].status: expected up, degraded, down or draining, got 'sleeping'"),
        ("kind", nil, "malformed JSON at nodes[1].kind: missing"),
        ("cpu_util", #""high""#, "malformed JSON at nodes[1].cpu_util: expected a number"),
        ("cpu_util", "140", "malformed JSON at nodes[1].cpu_util: expected a percentage 0–100, got 140.0"),
        ("mem_util", "null", "malformed JSON at nodes[1].mem_util: expected a number, got null"),
        ("heartbeat_at", #""yesterday""#, "malformed JSON at nodes[1].heartbeat_at: expected an RFC 3339 time like 2025-05-01T03:12:45Z, got 'yesterday'"),
        ("id", #""""#, "malformed JSON at nodes[1].id: expected a non-empty string"),
        ("id", #""dakhla-gpu-0""#, "malformed JSON at nodes[1].id: duplicate node id 'dakhla-gpu-0'"),
        ("gpus", #"{"index": 0}"#, "malformed JSON at nodes[1].gpus: expected an array"),
        ("gpus", #"[{"index": 0, "model": "A100", "util": 5, "mem_used_mib": 1, "mem_total_mib": 2, "temp_c": 40}]"#,
         "malformed JSON at nodes[1].gpus[0].power_w: missing"),
        ("gpus", #"[{"index": -1, "model": "A100", "util": 5, "mem_used_mib": 1, "mem_total_mib": 2, "temp_c": 40, "power_w": 1}]"#,
         "malformed JSON at nodes[1].gpus[0].index: expected 0 or more, got -1"),
    ] as [(String, String?, String)])
    func malformed(field: String, value: String?, message: String) {
        #expect(throws: RegistryProblem.self) { try FusionRegistryJSON.decode(Fixtures.documentChangingSecondNode(field, value)) }
        do {
            _ = try FusionRegistryJSON.decode(Fixtures.documentChangingSecondNode(field, value))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a document that is not the expected object says where")
    func wrongShapes() {
        let cases: [(String, String)] = [
            ("", "malformed JSON at (document): the answer is empty"),
            ("[1,2]", "malformed JSON at (document): expected an object"),
            (#"{"schema_version":1,"generated_at":"2025-05-01T03:12:45Z","nodes":[{"id":"#,
             "malformed JSON at (document): not valid JSON: cut short after 73 bytes"),
            ("<html>oops</html>", "malformed JSON at (document): not valid JSON at byte 0"),
            (#"{"schema_version":1,"generated_at":"2025-05-01T03:12:45Z","nodes":[]} trailing"#,
             "malformed JSON at (document): not valid JSON at byte 70"),
            (#"{"schema_version":1 "generated_at":"2025-05-01T03:12:45Z","nodes":[]}"#,
             "malformed JSON at (document): not valid JSON at byte 20"),
            (#"{"generated_at":"2025-05-01T03:12:45Z","nodes":[]}"#, "malformed JSON at schema_version: missing"),
            (#"{"schema_version":"1","generated_at":"2025-05-01T03:12:45Z","nodes":[]}"#,
             "malformed JSON at schema_version: expected a whole number"),
            (#"{"schema_version":1,"generated_at":"2025-05-01T03:12:45Z","nodes":null}"#,
             "malformed JSON at nodes: expected an array, got null"),
        ]
        for (json, message) in cases {
            do {
                _ = try FusionRegistryJSON.decode(Data(json.utf8))
                Issue.record("decoded \(json)")
            } catch {
                #expect(error.description == message, "for \(json)")
            }
        }
    }

    @Test("a newer major schema version is refused with advice, wherever the key is")
    func newerSchema() {
        #expect(throws: RegistryProblem.unsupportedSchemaVersion(found: 2, supported: 1)) {
            try FusionRegistryJSON.decode(Data(#"{"schema_version":2,"generated_at":"x","nodes":"whatever"}"#.utf8))
        }
        #expect(throws: RegistryProblem.unsupportedSchemaVersion(found: 3, supported: 1)) {
            try FusionRegistryJSON.decode(Data(#"{"nodes":[{"id":{"v2":true}}],"generated_at":"x","schema_version":3}"#.utf8))
        }
        #expect(RegistryProblem.unsupportedSchemaVersion(found: 2, supported: 1).description
            == "schema version 2 is newer than this console understands (1); upgrade fusion-console")
    }

    @Test("10,000 nodes of 8 GPUs decode quickly")
    func largeDocument() throws {
        let nodes = Fixtures.nodes(count: 10_000, gpusPerNode: 8, allGPU: true)
        let encodeStart = ThreadCPUClock.seconds()
        let data = Fixtures.document(nodes)
        let encodeTime = ThreadCPUClock.seconds() - encodeStart
        var best = Double.infinity
        var decoded: [NodeSample] = []
        for _ in 0..<3 {
            let start = ThreadCPUClock.seconds()
            decoded = try FusionRegistryJSON.decode(data).nodes
            best = min(best, ThreadCPUClock.seconds() - start)
        }
        print("registry JSON: 10,000 nodes × 8 GPUs, \(data.count) bytes; CPU time: encode \(encodeTime) s, "
              + "decode best of 3 \(best) s (\(Self.buildKind) build)")
        #expect(decoded == nodes)
        // CPU time of this thread, so other work on the machine does not count. The target (150 ms)
        // is for an optimised build (about 70 ms on the 2-core development machine); a debug build
        // is about ten times slower and gets a bound that still catches a slow path.
        #expect(best < Self.decodeBudget, "decode took \(best) s of CPU")
    }

    #if DEBUG
    static let buildKind = "debug"
    static let decodeBudget = 2.0
    #else
    static let buildKind = "release"
    static let decodeBudget = 0.15
    #endif
}
