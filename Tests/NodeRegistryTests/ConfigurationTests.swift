import Foundation
@testable import NodeRegistry
import Testing

@Suite("Registry URL, token file and timestamps")
struct ConfigurationTests {
    @Test("the scheme picks the adapter")
    func endpoints() throws {
        #expect(try RegistryEndpoint.parse(url: "https://registry.fusion:8443") == .fusion(URL(string: "https://registry.fusion:8443")!))
        #expect(try RegistryEndpoint.parse(url: "http://10.0.0.5/") == .fusion(URL(string: "http://10.0.0.5")!))
        #expect(try RegistryEndpoint.parse(url: "prometheus+http://127.0.0.1:9090") == .prometheus(URL(string: "http://127.0.0.1:9090")!))
        #expect(try RegistryEndpoint.parse(url: "PROMETHEUS+HTTPS://prom.fusion/prometheus")
            == .prometheus(URL(string: "https://prom.fusion/prometheus")!))
        #expect(try RegistryEndpoint.parse(url: "prometheus+https://prom.fusion:9443").displayString == "prometheus+https://prom.fusion:9443")
    }

    @Test("URLs the console cannot use are refused with a reason", arguments: [
        ("ftp://host", "unknown scheme 'ftp'"),
        ("prometheus+ftp://host", "unknown scheme 'prometheus+ftp'"),
        ("registry.fusion:8443", "unknown scheme"),
        ("https://", "no host name"),
        ("https://user:pw@host", "credentials in the URL are not accepted"),
        ("https://host/?x=1", "takes no query"),
        ("https://host/#top", "takes no fragment"),
        ("", "expected http(s)://host[:port]"),
    ])
    func invalidEndpoints(url: String, reason: String) {
        do {
            _ = try RegistryEndpoint.parse(url: url)
            Issue.record("accepted \(url)")
        } catch {
            #expect(error.isConfigurationProblem)
            #expect(error.description.contains(reason), "\(error)")
        }
    }

    @Test("query URLs encode PromQL completely")
    func queryEncoding() throws {
        let endpoint = try RegistryEndpoint.parse(url: "prometheus+http://127.0.0.1:9090/prom")
        let url = try #require(endpoint.url(appending: "/api/v1/query", query: [URLQueryItem(name: "query", value: #"100 * (1 - a{mode="idle"}[1m]) + b & c"#)]))
        #expect(url.absoluteString
            == "http://127.0.0.1:9090/prom/api/v1/query?query=100%20%2A%20%281%20-%20a%7Bmode%3D%22idle%22%7D%5B1m%5D%29%20%2B%20b%20%26%20c")
    }

    @Test("a token file readable by others is refused, naming the file and the fix")
    func insecureTokenFile() throws {
        let token = try TokenFile(contents: "abc", mode: 0o640)
        defer { token.remove() }
        #expect(throws: RegistryProblem.tokenFileInsecure(path: token.path, mode: 0o640)) { try BearerTokenFile.read(token.path) }
        let message = RegistryProblem.tokenFileInsecure(path: token.path, mode: 0o640).description
        #expect(message == "token file \(token.path) can be read by other users (mode 640); run chmod 600 \(token.path)")
        // And the HTTP client refuses to send the request at all.
        let client = try HTTPClient(options: HTTPOptions(bearerTokenFile: token.path))
        #expect(throws: RegistryProblem.tokenFileInsecure(path: token.path, mode: 0o640)) {
            try client.get(URL(string: "http://127.0.0.1:\(Loopback.unusedPort())/v1/nodes")!)
        }
    }

    @Test("a private token file is read and trimmed; bad ones are refused")
    func tokenFiles() throws {
        let good = try TokenFile(contents: "  eyJhbGciOi.x.y \n", mode: 0o600)
        defer { good.remove() }
        #expect(try BearerTokenFile.read(good.path) == "eyJhbGciOi.x.y")
        let readOnly = try TokenFile(contents: "t", mode: 0o400)
        defer { readOnly.remove() }
        #expect(try BearerTokenFile.read(readOnly.path) == "t")
        for (contents, reason) in [("", "the file is empty"), ("a\r\nX-Evil: 1", "the token holds spaces, control or non-ASCII characters")] {
            let bad = try TokenFile(contents: contents, mode: 0o600)
            defer { bad.remove() }
            #expect(throws: RegistryProblem.tokenFileUnreadable(path: bad.path, reason: reason)) { try BearerTokenFile.read(bad.path) }
        }
        #expect(throws: RegistryProblem.self) { try BearerTokenFile.read("/nonexistent/token") }
    }

    @Test("RFC 3339 timestamps read and write exactly")
    func timestamps() {
        #expect(RFC3339.parse("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(RFC3339.parse("2025-05-01T03:12:45Z") == Date(timeIntervalSince1970: 1_746_069_165))
        #expect(RFC3339.parse("2025-05-01T04:12:45.250+01:00") == Date(timeIntervalSince1970: 1_746_069_165.25))
        #expect(RFC3339.parse("2024-02-29T23:59:59-00:30") == Date(timeIntervalSince1970: 1_709_251_199 + 1800))
        for bad in ["2025-02-30T00:00:00Z", "2025-05-01 03:12:45Z", "2025-05-01T03:12:45", "2025-05-01T24:00:00Z",
                    "2025-05-01T03:12:45.Z", "2025-05-01T03:12:45Zjunk", "yesterday", ""] {
            #expect(RFC3339.parse(bad) == nil, "accepted \(bad)")
        }
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1_746_069_165)) == "2025-05-01T03:12:45Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1_746_069_165.25)) == "2025-05-01T03:12:45.250Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        for seconds in stride(from: -86_400.0 * 400, to: 86_400 * 365 * 60, by: 86_400 * 7.3) {
            let date = Date(timeIntervalSince1970: seconds.rounded())
            #expect(RFC3339.parse(RFC3339.format(date)) == date)
        }
    }

    @Test("error text from the network is cleaned of control characters")
    func untrustedText() {
        #expect(UntrustedText.snippet("ok\u{1B}[31mred\u{07}\u{9B}\u{202E}") == "ok?[31mred???")
        #expect(UntrustedText.snippet(String(repeating: "x", count: 100), limit: 5) == "xxxxx…")
    }
}
