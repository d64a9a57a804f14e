import Foundation

/// An HTTP answer, whole and already decompressed.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The body, at most ``HTTPOptions/maxResponseBytes`` long.
    public var body: Data
    /// The `Content-Type` header, when there was one. Untrusted text.
    public var contentType: String?
    /// The `ETag` header, when there was one: what to send as `If-None-Match` to be told "not modified". Untrusted.
    public var etag: String?

    /// Creates a response.
    public init(status: Int, body: Data, contentType: String? = nil, etag: String? = nil) {
        self.status = status
        self.body = body
        self.contentType = contentType
        self.etag = etag
    }

    /// `true` for 304 Not Modified (the answer to a conditional request whose data has not changed).
    public var isNotModified: Bool { status == 304 }

    /// `true` for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The start of the body as cleaned text, to quote in an error message.
    public var bodySnippet: String? {
        guard !body.isEmpty else { return nil }
        let prefix = body.prefix(200)
        let text = String(decoding: prefix, as: UTF8.self)
        return UntrustedText.snippet(text.trimmingCharacters(in: .whitespacesAndNewlines), limit: 120)
    }
}
