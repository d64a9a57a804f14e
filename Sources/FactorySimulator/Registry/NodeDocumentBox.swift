import Foundation
import NodeRegistry
import Synchronization

/// The registry's latest answer, handed from the simulation loop (which writes it after each step) to the server
/// (which serves it to every request). Encoded once per step, not once per request.
public final class NodeDocumentBox: Sendable {
    private let body = Mutex<Data?>(nil)

    /// Creates an empty box: the server answers 503 until the first document is published.
    public init() {}

    /// Replaces the document served.
    public func publish(_ document: FusionRegistryJSON.Document) {
        let data = FusionRegistryJSON.encode(document)
        body.withLock { $0 = data }
    }

    /// The JSON served now, or nil before the first document.
    public func current() -> Data? {
        body.withLock { $0 }
    }
}
