import Foundation
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
