import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on a loopback port, written on raw sockets so it can misbehave on
/// purpose: stall, cut a body short, reset the connection. One request per connection.
final class TestHTTPServer: Sendable {
    /// A request as received.
    struct Request: Sendable {
        var method: String
        var path: String
        /// Header names lower-cased.
        var headers: [String: String]
    }

    /// What to do with a request.
    enum Reply: Sendable {
        /// A normal answer. `Content-Length` and `Connection: close` are added.
        case respond(status: Int, headers: [String: String] = [:], body: Data)
        /// Read the request, then say nothing until the server stops (or `seconds` pass).
        case stall(seconds: Double)
        /// Send headers announcing `declaredLength` bytes, then only `body`, then close.
        case truncated(body: Data, declaredLength: Int)
        /// Send headers and part of the body, then reset the connection (TCP RST).
        case resetMidBody(body: Data, declaredLength: Int)
        /// Close the connection without a word.
        case closeSilently
    }

    /// The port it listens on (127.0.0.1).
    let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let stopped = DispatchSemaphore(value: 0)
    private let log = Mutex<(requests: [Request], rawFirstBytes: [Data], isStopped: Bool)>(([], [], false))

    /// Starts listening at once on a free loopback port.
    init(handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw ServerError("bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The base URL, `http://127.0.0.1:PORT`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Requests received so far (those that parsed as HTTP).
    var requests: [Request] { log.withLock { $0.requests } }

    /// The first bytes of every connection, parsed or not (to see a TLS hello arrive).
    var rawFirstBytes: [Data] { log.withLock { $0.rawFirstBytes } }

    /// Stops accepting and releases stalled connections.
    func stop() {
        let wasStopped = log.withLock { state -> Bool in
            defer { state.isStopped = true }
            return state.isStopped
        }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for _ in 0..<64 { stopped.signal() }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.range(of: Data("\r\n\r\n".utf8)) == nil, received.count < 65536 {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            if received.isEmpty {
                let first = Data(buffer.prefix(min(count, 64)))
                log.withLock { $0.rawFirstBytes.append(first) }
            }
            received.append(buffer, count: count)
        }
        guard let request = Self.parse(received) else {
            close(fd)
            return
        }
        log.withLock { $0.requests.append(request) }
        switch handler(request) {
        case .respond(let status, let headers, let body):
            send(fd, head(status: status, headers: headers, length: body.count) + body)
            close(fd)
        case .stall(let seconds):
            _ = stopped.wait(timeout: .now() + seconds)
            close(fd)
        case .truncated(let body, let declaredLength):
            send(fd, head(status: 200, headers: ["Content-Type": "application/json"], length: declaredLength) + body)
            close(fd)
        case .resetMidBody(let body, let declaredLength):
            send(fd, head(status: 200, headers: ["Content-Type": "application/json"], length: declaredLength) + body)
            usleep(50_000)
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            close(fd)
        case .closeSilently:
            close(fd)
        }
    }

    private func head(status: Int, headers: [String: String], length: Int) -> Data {
        var text = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(length)\r\nConnection: close\r\n\r\n"
        return Data(text.utf8)
    }

    private func send(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    private static func parse(_ data: Data) -> Request? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)),
              let text = String(data: data[..<end.lowerBound], encoding: .utf8)
        else { return nil }
        let lines = text.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/") else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(method: String(parts[0]), path: String(parts[1]), headers: headers)
    }
}

/// A failure to set up a test fixture.
struct ServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
