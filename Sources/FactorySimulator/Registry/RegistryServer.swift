import Foundation
import FlyingFox
import FlyingSocks
import Synchronization

/// The simulator's node registry: serves the Fusion registry API (`GET /v1/nodes`, see docs/registry-api.md)
/// over plain HTTP from a ``NodeDocumentBox``.
///
/// Other paths answer 404 and other methods 405, both with a small JSON error. The server logs nothing (it may run
/// under the dashboard, which owns the terminal).
public final class RegistryServer: Sendable {
    /// The address it listens on, with the real port (the system's choice when port 0 was asked).
    public let address: ListenAddress
    private let server: HTTPServer
    private let task: Task<Void, Never>

    /// The base URL to give a console's `--registry`: `http://127.0.0.1:8787`.
    public var url: String { "http://\(address)" }

    private init(address: ListenAddress, server: HTTPServer, task: Task<Void, Never>) {
        self.address = address
        self.server = server
        self.task = task
    }

    /// Starts serving `documents` on `address`; returns once it listens.
    ///
    /// - Throws: ``SimulatorError`` of kind `listen` when the address cannot be bound (in use, not permitted).
    public static func start(
        on address: ListenAddress, documents: NodeDocumentBox
    ) async throws(SimulatorError) -> RegistryServer {
        let socketAddress: any SocketAddress
        do {
            socketAddress = address.isIPv6
                ? try sockaddr_in6.inet6(ip6: address.host, port: address.port)
                : try sockaddr_in.inet(ip4: address.host, port: address.port)
        } catch {
            throw SimulatorError(.listen, "Cannot listen on \(address): not an address of this machine.")
        }
        let server = HTTPServer(
            address: socketAddress, timeout: 10, logger: .disabled, handler: NodesHandler(documents: documents)
        )
        let failure = FailureBox()
        let task = Task {
            do {
                try await server.run()
            } catch {
                failure.set(error)
            }
        }
        // Generous: binding takes milliseconds, but a busy concurrency pool may run this task late.
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while ContinuousClock.now < deadline {
            let listening = await server.isListening
            if listening, let bound = await server.listeningAddress {
                return RegistryServer(address: address.with(port: port(of: bound) ?? address.port), server: server, task: task)
            }
            if let error = failure.get() {
                throw SimulatorError(
                    .listen, "Cannot listen on \(address): \(describe(error)). Choose another --listen address."
                )
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        throw SimulatorError(.listen, "The registry did not start listening on \(address) within 20 s.")
    }

    /// Stops listening and closes the open connections.
    public func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }

    /// The answer to one request.
    static func answer(_ request: HTTPRequest, documents: NodeDocumentBox) -> HTTPResponse {
        guard request.path == "/v1/nodes" else {
            return json(.notFound, #"{"error":"not found; the registry serves GET /v1/nodes"}"#)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return json(.methodNotAllowed, #"{"error":"method not allowed; use GET /v1/nodes"}"#)
        }
        guard let document = documents.currentPublished() else {
            return json(.serviceUnavailable, #"{"error":"the simulator is starting; try again in a second"}"#)
        }
        // A console that already holds this document is told so, without the body (RFC 9110, If-None-Match).
        if let tags = request.headers[.ifNoneMatch],
           tags.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == document.etag }) {
            return HTTPResponse(statusCode: .notModified, headers: HTTPHeaders([.eTag: document.etag]), body: Data())
        }
        return HTTPResponse(
            statusCode: .ok,
            headers: HTTPHeaders([.contentType: "application/json", .cacheControl: "no-cache", .eTag: document.etag]),
            body: request.method == .HEAD ? Data() : document.body
        )
    }

    private static func json(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: "application/json"]), body: Data(text.utf8))
    }

    private static func port(of address: Socket.Address) -> UInt16? {
        switch address {
        case .ip4(_, let port), .ip6(_, let port): port
        case .unix: nil
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case SocketError.failed(_, let number, let message) = error {
            return number == EADDRINUSE ? "the port is already in use" : message
        }
        return "\(error)"
    }
}

/// Answers every request from the box.
private struct NodesHandler: HTTPHandler {
    let documents: NodeDocumentBox

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        RegistryServer.answer(request, documents: documents)
    }
}

/// The server task's failure, read by the code waiting for it to listen.
private final class FailureBox: Sendable {
    private let error = Mutex<(any Error)?>(nil)
    func set(_ value: any Error) { error.withLock { $0 = value } }
    func get() -> (any Error)? { error.withLock { $0 } }
}
