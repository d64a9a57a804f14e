import FactoryModel
import Foundation
@testable import NodeRegistry
import Testing

/// The Fusion adapter over real HTTP (libcurl) against a local server that can misbehave.
@Suite("Fusion adapter over HTTP")
struct FusionAdapterTests {
    private func client(_ server: TestHTTPServer, options: HTTPOptions = HTTPOptions()) throws -> any RegistryClient {
        let endpoint = try RegistryEndpoint.parse(url: server.baseURL)
        return try RegistryConfiguration(endpoint: endpoint, http: options).makeClient()
    }

    private func expectProblem(
        _ client: any RegistryClient, sourceLocation: SourceLocation = #_sourceLocation, _ check: (RegistryProblem) -> Bool
    ) -> RegistryError? {
        do {
            let snapshot = try client.fetchNodes()
            Issue.record("expected an error, got \(snapshot.nodes.count) nodes", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(check(error.problem), "unexpected: \(error)", sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("registry at \(client.source): "), sourceLocation: sourceLocation)
            return error
        }
    }

    @Test("normal answer: nodes, source and times")
    func normal() throws {
        let nodes = Fixtures.nodes(count: 12)
        let server = try TestHTTPServer { request in
            request.path == "/v1/nodes"
                ? .respond(status: 200, headers: ["Content-Type": "application/json"], body: Fixtures.document(nodes))
                : .respond(status: 404, body: Data())
        }
        defer { server.stop() }
        let client = try client(server)
        let snapshot = try client.fetchNodes()
        #expect(snapshot.nodes == nodes)
        #expect(snapshot.generatedAt == Fixtures.generatedAt)
        #expect(snapshot.source == "http://127.0.0.1:\(server.port)")
        #expect(abs(snapshot.fetchedAt.timeIntervalSinceNow) < 5)
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.headers["accept"] == "application/json")
        #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(request.headers["authorization"] == nil)
    }

    @Test("a path prefix in the URL is kept")
    func pathPrefix() throws {
        let server = try TestHTTPServer { request in
            request.path == "/registry/v1/nodes" ? .respond(status: 200, body: Fixtures.document([])) : .respond(status: 404, body: Data())
        }
        defer { server.stop() }
        let endpoint = try RegistryEndpoint.parse(url: server.baseURL + "/registry/")
        let snapshot = try RegistryConfiguration(endpoint: endpoint).makeClient().fetchNodes()
        #expect(snapshot.nodes.isEmpty)
    }

    @Test("empty node list")
    func empty() throws {
        let server = try TestHTTPServer { _ in .respond(status: 200, body: Fixtures.document([])) }
        defer { server.stop() }
        #expect(try client(server).fetchNodes().nodes.isEmpty)
    }

    @Test("10,000 nodes of 8 GPUs over HTTP, gzip-compressed")
    func tenThousandNodes() throws {
        let nodes = Fixtures.nodes(count: 10_000, gpusPerNode: 8, allGPU: true)
        let body = Fixtures.document(nodes)
        let compressed = try Gzip.compress(body)
        let server = try TestHTTPServer { request in
            request.headers["accept-encoding"]?.contains("gzip") == true
                ? .respond(status: 200, headers: ["Content-Encoding": "gzip"], body: compressed)
                : .respond(status: 200, body: body)
        }
        defer { server.stop() }
        let start = ContinuousClock.now
        let snapshot = try client(server).fetchNodes()
        print("fusion adapter: 10,000 nodes × 8 GPUs, \(body.count) bytes (\(compressed.count) gzip), fetch+decode \(ContinuousClock.now - start)")
        #expect(snapshot.nodes.count == 10_000)
        #expect(snapshot.nodes.last == nodes.last)
    }

    @Test("malformed answers name the bad field", arguments: [
        ("kind", #""storage""#, "nodes[1].kind"),
        ("cpu_util", nil, "nodes[1].cpu_util"),
        ("gpus", #""none""#, "nodes[1].gpus"),
    ] as [(String, String?, String)])
    func malformed(field: String, value: String?, path: String) throws {
        let body = Fixtures.documentChangingSecondNode(field, value)
        let server = try TestHTTPServer { _ in .respond(status: 200, body: body) }
        defer { server.stop() }
        let error = expectProblem(try client(server)) { problem in
            if case .malformed(let found, _) = problem { return found == path }
            return false
        }
        #expect(error?.description.contains("malformed JSON at \(path): ") == true)
    }

    @Test("a body cut short by the server closing early")
    func truncated() throws {
        let body = Fixtures.document(Fixtures.nodes(count: 50))
        let server = try TestHTTPServer { _ in .truncated(body: body.prefix(body.count / 2), declaredLength: body.count) }
        defer { server.stop() }
        _ = expectProblem(try client(server)) { problem in
            if case .truncated = problem { return true }
            return false
        }
    }

    @Test("a connection reset in the middle of the body")
    func resetMidBody() throws {
        let body = Fixtures.document(Fixtures.nodes(count: 50))
        let server = try TestHTTPServer { _ in .resetMidBody(body: body.prefix(1000), declaredLength: body.count) }
        defer { server.stop() }
        _ = expectProblem(try client(server)) { problem in
            switch problem {
            case .connectionLost, .truncated: true
            default: false
            }
        }
    }

    @Test("a JSON body without Content-Length cut short is malformed, not half-read")
    func syntacticallyTruncated() throws {
        let body = Fixtures.document(Fixtures.nodes(count: 5))
        let server = try TestHTTPServer { _ in .respond(status: 200, body: body.prefix(body.count - 7)) }
        defer { server.stop() }
        let error = expectProblem(try client(server)) { problem in
            if case .malformed(let path, let reason) = problem { return path == "(document)" && reason.contains("cut short") }
            return false
        }
        #expect(error != nil)
    }

    @Test("an answer larger than the cap is refused, announced or not")
    func oversized() throws {
        let body = Fixtures.document(Fixtures.nodes(count: 200))
        let options = HTTPOptions(maxResponseBytes: 64 * 1024)
        // Announced by Content-Length.
        let server = try TestHTTPServer { _ in .respond(status: 200, body: body) }
        defer { server.stop() }
        let error = expectProblem(try client(server, options: options)) { $0 == .responseTooLarge(limitBytes: 64 * 1024) }
        #expect(error?.description.contains("response larger than 64 KiB") == true)
        // Compressed: small on the wire, too big once decoded (the cap counts decoded bytes).
        let compressed = try Gzip.compress(body)
        #expect(compressed.count < 64 * 1024)
        let gzipServer = try TestHTTPServer { _ in .respond(status: 200, headers: ["Content-Encoding": "gzip"], body: compressed) }
        defer { gzipServer.stop() }
        _ = expectProblem(try client(gzipServer, options: options)) { $0 == .responseTooLarge(limitBytes: 64 * 1024) }
    }

    @Test("a server that stalls times out within the total timeout")
    func slow() throws {
        let server = try TestHTTPServer { _ in .stall(seconds: 30) }
        defer { server.stop() }
        let start = ContinuousClock.now
        let error = expectProblem(try client(server, options: HTTPOptions(connectTimeout: 1, totalTimeout: 1.5))) {
            $0 == .timedOut(seconds: 1.5)
        }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(4), "took \(elapsed)")
        #expect(error?.description.hasSuffix(": timed out after 1.5 s") == true)
    }

    @Test("HTTP 500 and 401 say so")
    func serverErrors() throws {
        let server = try TestHTTPServer { request in
            request.headers["authorization"] == nil
                ? .respond(status: 500, body: Data("database \u{1B}[2J on fire".utf8))
                : .respond(status: 401, body: Data())
        }
        defer { server.stop() }
        let error = expectProblem(try client(server)) { $0 == .httpStatus(code: 500, detail: "database ?[2J on fire") }
        #expect(error?.description == "registry at \(server.baseURL): answered HTTP 500: database ?[2J on fire")

        let token = try TokenFile(contents: "s3cret-token\n", mode: 0o600)
        defer { token.remove() }
        let authorised = try client(server, options: HTTPOptions(bearerTokenFile: token.path))
        _ = expectProblem(authorised) { $0 == .httpStatus(code: 401, detail: nil) }
        #expect(server.requests.last?.headers["authorization"] == "Bearer s3cret-token")
    }

    @Test("nobody listening: connection refused")
    func refused() throws {
        let endpoint = try RegistryEndpoint.parse(url: "http://127.0.0.1:\(Loopback.unusedPort())")
        let client = try RegistryConfiguration(endpoint: endpoint).makeClient()
        let error = expectProblem(client) { $0 == .connectionRefused }
        #expect(error?.description == "registry at \(client.source): connection refused")
    }

    @Test("a server closing without a word, or answering garbage")
    func garbage() throws {
        let silent = try TestHTTPServer { _ in .closeSilently }
        defer { silent.stop() }
        _ = expectProblem(try client(silent)) { if case .connectionLost = $0 { true } else { false } }
        let html = try TestHTTPServer { _ in .respond(status: 200, headers: ["Content-Type": "text/html"], body: Data("<html>".utf8)) }
        defer { html.stop() }
        _ = expectProblem(try client(html)) { if case .malformed = $0 { true } else { false } }
    }

    @Test("redirects are not followed: no request leaves for an address the config did not name")
    func noRedirects() throws {
        let elsewhere = try TestHTTPServer { _ in .respond(status: 200, body: Fixtures.document([])) }
        defer { elsewhere.stop() }
        let server = try TestHTTPServer { _ in
            .respond(status: 302, headers: ["Location": elsewhere.baseURL + "/v1/nodes"], body: Data())
        }
        defer { server.stop() }
        _ = expectProblem(try client(server)) { $0 == .httpStatus(code: 302, detail: nil) }
        #expect(elsewhere.requests.isEmpty)
    }

    @Test("a configured proxy is used (environment proxies are checked by Tests/scripts/prometheus-e2e.sh)")
    func configuredProxy() throws {
        let proxy = try TestHTTPServer { _ in .respond(status: 200, body: Fixtures.document(Fixtures.nodes(count: 1))) }
        defer { proxy.stop() }
        let server = try TestHTTPServer { _ in .respond(status: 200, body: Fixtures.document([])) }
        defer { server.stop() }
        #expect(try client(server).fetchNodes().nodes.isEmpty)
        #expect(proxy.requests.isEmpty)
        let viaProxy = try client(server, options: HTTPOptions(proxy: proxy.baseURL))
        #expect(try viaProxy.fetchNodes().nodes.count == 1)
        #expect(proxy.requests.first?.path == "\(server.baseURL)/v1/nodes")
    }
}
