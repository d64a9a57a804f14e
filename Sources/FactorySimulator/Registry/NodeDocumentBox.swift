import Foundation
import NodeRegistry
import Synchronization

/// The registry's latest answer, handed from the simulation loop (which writes it after each step) to the server
/// (which serves it to every request). Encoded once per step, not once per request, and tagged so that a console
/// asking "has it changed?" (`If-None-Match`) is answered 304 without the body while it has not.
public final class NodeDocumentBox: Sendable {
    /// A published document: its JSON and its entity tag.
    public struct Published: Sendable {
        /// The JSON served.
        public var body: Data
        /// `"<box>-<n>"`: unique to this box (so a restarted simulator never matches an old tag) and this document.
        public var etag: String
    }

    private let latest = Mutex<Published?>(nil)
    private let generation = Mutex(0)
    private let instance = String(UInt64.random(in: 1...UInt64.max), radix: 36)

    /// Creates an empty box: the server answers 503 until the first document is published.
    public init() {}

    /// Replaces the document served.
    public func publish(_ document: FusionRegistryJSON.Document) {
        let data = FusionRegistryJSON.encode(document)
        let number = generation.withLock { value in
            value += 1
            return value
        }
        latest.withLock { $0 = Published(body: data, etag: "\"\(instance)-\(number)\"") }
    }

    /// The JSON served now, or nil before the first document.
    public func current() -> Data? {
        latest.withLock { $0?.body }
    }

    /// The document served now with its tag, or nil before the first one.
    public func currentPublished() -> Published? {
        latest.withLock { $0 }
    }
}
