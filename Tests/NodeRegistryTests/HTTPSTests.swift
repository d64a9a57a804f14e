import Foundation
import Synchronization
@testable import NodeRegistry
import Testing

/// libcurl against a real HTTPS server (`openssl s_server`) with a throwaway CA made in the test.
@Suite("HTTPS and mutual TLS", .serialized)
final class HTTPSTests {
    let pki: TestPKI
    let webRoot: URL
    let body = Fixtures.document(Fixtures.nodes(count: 3))

    init() throws {
        pki = try TestPKI.make()
        // s_server -WWW serves files relative to its directory: v1/nodes is our registry document.
        webRoot = pki.directory.appendingPathComponent("www", isDirectory: true)
        try FileManager.default.createDirectory(at: webRoot.appendingPathComponent("v1"), withIntermediateDirectories: true)
        try body.write(to: webRoot.appendingPathComponent("v1/nodes"))
    }

    deinit { pki.remove() }

    private func fetch(_ server: OpenSSLServer, host: String = "127.0.0.1", _ options: HTTPOptions) throws(RegistryError) -> RegistrySnapshot {
        let endpoint = try RegistryEndpoint.parse(url: "https://\(host):\(server.port)")
        return try RegistryConfiguration(endpoint: endpoint, http: options).makeClient().fetchNodes()
    }

    @Test("verification succeeds with the CA file, by IP and by name")
    func trustedWithCA() throws {
        let server = try OpenSSLServer(pki: pki, servingDirectory: webRoot, requireClientCertificate: false)
        defer { server.stop() }
        #expect(try fetch(server, HTTPOptions(caFile: pki.caCert)).nodes.count == 3)
        #expect(try fetch(server, host: "localhost", HTTPOptions(caFile: pki.caCert)).nodes.count == 3)
    }

    @Test("verification fails without the CA file, with advice")
    func untrustedWithoutCA() throws {
        let server = try OpenSSLServer(pki: pki, servingDirectory: webRoot, requireClientCertificate: false)
        defer { server.stop() }
        do {
            _ = try fetch(server, HTTPOptions())
            Issue.record("an unknown CA was trusted")
        } catch {
            guard case .tlsUntrusted = error.problem else {
                Issue.record("unexpected: \(error)")
                return
            }
            #expect(error.description.contains("TLS certificate not trusted (set [registry] ca_file)"))
        }
    }

    @Test("a CA file that does not exist is a configuration error")
    func missingCAFile() {
        #expect(throws: RegistryProblem.tlsFileUnusable(setting: "ca_file", detail: "no such file /nonexistent/ca.pem")) {
            try HTTPClient(options: HTTPOptions(caFile: "/nonexistent/ca.pem"))
        }
    }

    @Test("mutual TLS: succeeds with the client certificate, fails without it")
    func mutualTLS() throws {
        let server = try OpenSSLServer(pki: pki, servingDirectory: webRoot, requireClientCertificate: true)
        defer { server.stop() }
        let withCert = HTTPOptions(caFile: pki.caCert, clientCert: pki.clientCert, clientKey: pki.clientKey)
        #expect(try fetch(server, withCert).nodes.count == 3)
        do {
            _ = try fetch(server, HTTPOptions(caFile: pki.caCert))
            Issue.record("the server took a client without a certificate")
        } catch {
            guard case .tlsClientCertificateRejected = error.problem else {
                Issue.record("unexpected: \(error)")
                return
            }
            #expect(error.description.contains("set [registry] client_cert and client_key"))
        }
        // The same client works again after a failure (the handle is reused).
        #expect(try fetch(server, withCert).nodes.count == 3)
    }

    @Test("https to a plain-HTTP server fails in TLS and never falls back to HTTP")
    func noPlaintextFallback() throws {
        let plain = try TestHTTPServer { _ in .respond(status: 200, body: Fixtures.document([])) }
        defer { plain.stop() }
        let endpoint = try RegistryEndpoint.parse(url: "https://127.0.0.1:\(plain.port)")
        let options = HTTPOptions(caFile: pki.caCert, connectTimeout: 1, totalTimeout: 2)
        let client = try RegistryConfiguration(endpoint: endpoint, http: options).makeClient()
        #expect(throws: RegistryError.self) { try client.fetchNodes() }
        #expect(plain.requests.isEmpty, "a plaintext HTTP request reached the server")
        // What arrived was a TLS handshake record (0x16), not "GET".
        #expect(plain.rawFirstBytes.first?.first == 0x16)
    }
}

/// A registry whose certificate was issued by another CA than the configured one, after a good poll: the poller
/// keeps the last good nodes, reports the TLS failure and calls the data stale; it never falls back to HTTP.
@Suite("A registry certificate from another CA", .serialized)
struct WrongCATests {
    /// Delegates to the trusted registry until `switched`, then to the impostor.
    final class Switching: RegistryClient {
        let trusted: any RegistryClient
        let impostor: any RegistryClient
        let switched = Mutex(false)
        init(trusted: any RegistryClient, impostor: any RegistryClient) {
            self.trusted = trusted
            self.impostor = impostor
        }
        var source: String { trusted.source }
        func fetchNodes() throws(RegistryError) -> RegistrySnapshot {
            try (switched.withLock { $0 } ? impostor : trusted).fetchNodes()
        }
    }

    @Test func theLastGoodNodesStayMarkedStaleAndTheFailureSaysTLS() throws {
        let ours = try TestPKI.make()
        let theirs = try TestPKI.make()
        defer { ours.remove(); theirs.remove() }
        let body = Fixtures.document(Fixtures.nodes(count: 3))
        var servers: [OpenSSLServer] = []
        for pki in [ours, theirs] {
            let root = pki.directory.appendingPathComponent("www", isDirectory: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("v1"), withIntermediateDirectories: true)
            try body.write(to: root.appendingPathComponent("v1/nodes"))
            servers.append(try OpenSSLServer(pki: pki, servingDirectory: root, requireClientCertificate: false))
        }
        defer { servers.forEach { $0.stop() } }
        let options = HTTPOptions(caFile: ours.caCert, connectTimeout: 2, totalTimeout: 4)
        func client(_ server: OpenSSLServer) throws -> any RegistryClient {
            try RegistryConfiguration(endpoint: try RegistryEndpoint.parse(url: "https://127.0.0.1:\(server.port)"), http: options).makeClient()
        }
        let switching = Switching(trusted: try client(servers[0]), impostor: try client(servers[1]))
        let poller = RegistryPoller(client: switching, interval: 0.05)

        let good = poller.pollOnce()
        #expect(good.lastGood?.nodes.count == 3 && good.lastError == nil)
        switching.switched.withLock { $0 = true }
        let bad = poller.pollOnce()
        guard case .tlsUntrusted = bad.lastError?.problem else {
            Issue.record("expected a TLS trust failure, got \(String(describing: bad.lastError))")
            return
        }
        #expect(bad.lastGood?.nodes.count == 3, "the last good nodes were dropped")
        #expect(bad.isStale(now: Date(), interval: 1) && bad.health(now: Date(), interval: 1) == .failing)
    }
}
