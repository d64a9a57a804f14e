import CCurl
import Foundation
import Synchronization

/// A small, blocking HTTP(S) GET client over one reused libcurl easy handle.
///
/// Calls block for up to ``HTTPOptions/totalTimeout``, so run them off the UI thread
/// (``RegistryPoller`` does). The connection is kept alive between calls.
///
/// ## Concurrency
/// A libcurl easy handle must never be used by two threads at once. The handle lives inside a
/// `Mutex`, and every use of it (setting the URL, performing, reading the status) happens within one
/// `withLock`, so the class is `Sendable` without any unchecked claim: concurrent callers simply
/// take turns.
public final class HTTPClient: Sendable {
    /// The options this client was made with.
    public let options: HTTPOptions
    private let easy: Mutex<CurlEasy>

    /// Creates a client, checking the files the options name.
    ///
    /// - Throws: ``RegistryProblem/tlsFileUnusable(setting:detail:)`` when a CA, certificate or key
    ///   file is missing or unreadable, or only a key is given.
    public init(options: HTTPOptions) throws(RegistryProblem) {
        try Self.checkFiles(options)
        self.options = options
        easy = Mutex(try CurlEasy(options: options))
    }

    /// Fetches `url` with GET and returns the whole answer, whatever its status.
    ///
    /// - Parameters:
    ///   - accept: the `Accept` header.
    ///   - ifNoneMatch: an `ETag` from an earlier answer: the server may then answer 304 with no body when
    ///     nothing changed. Sent only when it is a plain quoted tag.
    /// - Throws: a ``RegistryProblem`` saying what failed: refused, timed out, TLS, too large…
    public func get(_ url: URL, accept: String = "application/json", ifNoneMatch: String? = nil) throws(RegistryProblem) -> HTTPResponse {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .invalidURL(reason: "only http and https are spoken")
        }
        var headers = ["Accept: " + accept]
        if let tag = ifNoneMatch, Self.isPlainTag(tag) { headers.append("If-None-Match: " + tag) }
        if let tokenFile = options.bearerTokenFile {
            headers.append("Authorization: Bearer " + (try BearerTokenFile.read(tokenFile)))
        }
        let options = options
        return try easy.withLock { (easy: inout CurlEasy) throws(RegistryProblem) -> HTTPResponse in
            try Self.perform(easy, url: url, headers: headers, options: options)
        }
    }

    private static func perform(
        _ easy: CurlEasy, url: URL, headers: [String], options: HTTPOptions
    ) throws(RegistryProblem) -> HTTPResponse {
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer {
            _ = fc_easy_setopt_pointer(easy.handle, CURLOPT_HTTPHEADER, nil)
            curl_slist_free_all(list)
        }
        easy.sink.reset(cap: options.maxResponseBytes)
        easy.errorBuffer[0] = 0
        guard fc_easy_setopt_string(easy.handle, CURLOPT_URL, url.absoluteString) == CURLE_OK,
              fc_easy_setopt_pointer(easy.handle, CURLOPT_HTTPHEADER, list) == CURLE_OK
        else { throw .invalidURL(reason: "libcurl does not accept this URL") }

        let code = curl_easy_perform(easy.handle)
        guard code == CURLE_OK else {
            throw CurlFailure.problem(for: code, easy: easy, options: options)
        }
        var status = 0
        _ = fc_easy_getinfo_long(easy.handle, CURLINFO_RESPONSE_CODE, &status)
        var contentType: UnsafeMutablePointer<CChar>?
        _ = fc_easy_getinfo_string(easy.handle, CURLINFO_CONTENT_TYPE, &contentType)
        let body = easy.sink.body
        easy.sink.reset(cap: options.maxResponseBytes)
        let etag = fc_easy_response_header(easy.handle, "ETag").map { String(cString: $0) }
        return HTTPResponse(
            status: status, body: body, contentType: contentType.map { String(cString: $0) },
            etag: etag.flatMap { isPlainTag($0) ? $0 : nil }
        )
    }

    /// An entity tag as a server writes it (`"…"` or `W/"…"`, printable ASCII, short): nothing else is echoed back
    /// in a request header.
    static func isPlainTag(_ tag: String) -> Bool {
        let bytes = Array(tag.utf8)
        guard (2...128).contains(bytes.count), bytes.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else { return false }
        let quoted = bytes.first == UInt8(ascii: "\"") || (bytes.starts(with: Array("W/\"".utf8)))
        return quoted && bytes.last == UInt8(ascii: "\"")
    }

    private static func checkFiles(_ options: HTTPOptions) throws(RegistryProblem) {
        let files: [(setting: String, path: String?)] = [
            ("ca_file", options.caFile), ("client_cert", options.clientCert), ("client_key", options.clientKey),
        ]
        for (setting, path) in files {
            guard let path else { continue }
            guard FileManager.default.isReadableFile(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot read" : "no such file"
                throw .tlsFileUnusable(setting: setting, detail: "\(reason) \(path)")
            }
        }
        if options.clientKey != nil, options.clientCert == nil {
            throw .tlsFileUnusable(setting: "client_key", detail: "a client key needs a client_cert as well")
        }
    }
}
