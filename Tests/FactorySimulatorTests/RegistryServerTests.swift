import Foundation
import Testing
import FactoryModel
import FactoryStore
import NodeRegistry
@testable import FactorySimulator

/// The simulator's registry over real HTTP, read by the console's own libcurl client.
@Suite("Registry server")
struct RegistryServerTests {
    static func client(_ url: String) throws -> any RegistryClient {
        try RegistryConfiguration(endpoint: try RegistryEndpoint.parse(url: url)).makeClient()
    }

    /// Runs blocking HTTP (libcurl) off the concurrency pool, which the server needs to answer.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    static func get(_ url: String) async throws -> NodeRegistry.HTTPResponse {
        try await offPool { try HTTPClient(options: HTTPOptions()).get(URL(string: url)!) }
    }

    static func fetch(_ url: String) async throws -> RegistrySnapshot {
        try await offPool { try client(url).fetchNodes() }
    }

    @Test("GET /v1/nodes answers the Fusion JSON of every node; utilisation moves between two steps")
    func servesNodes() async throws {
        let fixture = try SimulationFixture()
        try fixture.simulation.advance(by: 2)
        let box = NodeDocumentBox()
        let server = try await RegistryServer.start(on: ListenAddress(host: "127.0.0.1", port: 0, isIPv6: false), documents: box)
        defer { Task { await server.stop() } }
        #expect(server.address.port != 0)
        #expect(server.url == "http://127.0.0.1:\(server.address.port)")

        let starting = try await Self.get(server.url + "/v1/nodes")
        #expect(starting.status == 503)

        box.publish(fixture.simulation.registryDocument)
        let raw = try await Self.get(server.url + "/v1/nodes")
        #expect(raw.status == 200)
        let document = try FusionRegistryJSON.decode(raw.body)
        #expect(document.nodes.count == DemoCatalogue.nodes.count)
        #expect(document.generatedAt == fixture.simulation.now)

        let first = try await Self.fetch(server.url)
        #expect(first.nodes.map(\.id) == DemoCatalogue.nodes.map(\.id))
        try fixture.simulation.advance(by: 5)
        box.publish(fixture.simulation.registryDocument)
        let second = try await Self.fetch(server.url)
        let before = Dictionary(uniqueKeysWithValues: first.nodes.map { ($0.id, $0) })
        let changed = second.nodes.filter { node in
            guard let old = before[node.id] else { return false }
            return old.cpuUtil != node.cpuUtil || old.gpus.map(\.util) != node.gpus.map(\.util)
        }
        #expect(changed.count > DemoCatalogue.nodes.count / 2)
        #expect(second.generatedAt! > first.generatedAt!)

        let missing = try await Self.get(server.url + "/v1/other")
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("error"))
    }

    @Test("a port in use is refused with a clear message")
    func portInUse() async throws {
        let box = NodeDocumentBox()
        let first = try await RegistryServer.start(on: ListenAddress(host: "127.0.0.1", port: 0, isIPv6: false), documents: box)
        defer { Task { await first.stop() } }
        await #expect(throws: SimulatorError.self) {
            _ = try await RegistryServer.start(on: first.address, documents: box)
        }
        do {
            _ = try await RegistryServer.start(on: first.address, documents: box)
        } catch {
            #expect(error.kind == .listen)
            #expect(error.message.contains("already in use"))
        }
    }
}
