import Foundation
import Glibc
import Synchronization

/// A node registry on a loopback port, on raw sockets, for the console under test: it answers every request
/// with a fixed Fusion registry document, or hangs (accepts, reads the request, never answers).
final class StubRegistry: Sendable {
    /// What every request gets.
    enum Behaviour: Sendable {
        /// `200 OK` with this JSON body.
        case serve(Data)
        /// Never a byte of answer, until the registry stops.
        case hang
        /// An HTTP error status with a small body.
        case status(Int)
        /// Headers announcing the whole body, half of it, then a TCP reset.
        case resetMidBody(Data)
    }

    /// The port (127.0.0.1).
    let port: Int
    private let listener: Int32
    private let behaviour: Behaviour
    private let shared = Mutex<(requests: Int, stopped: Bool, open: [Int32])>((0, false, []))

    /// Listens at once on a free loopback port.
    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            Glibc.close(fd)
            throw HarnessError("bind/listen: \(errno)")
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

    /// `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Requests received so far.
    var requests: Int { shared.withLock { $0.requests } }

    /// Stops listening and drops every connection (a hung one included).
    func stop() {
        let open = shared.withLock { state -> [Int32]? in
            guard !state.stopped else { return nil }
            state.stopped = true
            return state.open
        }
        guard let open else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            let keep = shared.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.open.append(connection)
                return true
            }
            guard keep else {
                Glibc.close(connection)
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 8192)
        var received = Data()
        while received.range(of: Data("\r\n\r\n".utf8)) == nil {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received.append(buffer, count: count)
            // A TLS handshake (record type 22) sent to this plain-HTTP server: answer as web servers do.
            if received.first == 0x16 { break }
        }
        shared.withLock { $0.requests += 1 }
        if received.first == 0x16 {
            write(fd, "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n")
            shared.withLock { state in state.open.removeAll { $0 == fd } }
            Glibc.close(fd)
            return
        }
        switch behaviour {
        case .serve(let body):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n"
                + "Connection: close\r\n\r\n"
            let answer = Data(head.utf8) + body
            answer.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                    if sent <= 0 { break }
                    offset += sent
                }
            }
        case .hang:
            // Wait for the client to give up (or the registry to stop): a read that returns 0 or fails.
            while recv(fd, &buffer, buffer.count, 0) > 0 {}
        case .status(let code):
            let body = #"{"error":"internal"}"#
            write(fd, "HTTP/1.1 \(code) Status\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\n\r\n" + body)
        case .resetMidBody(let body):
            write(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
                + String(decoding: body.prefix(body.count / 2), as: UTF8.self))
            usleep(20_000)
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }
        shared.withLock { state in state.open.removeAll { $0 == fd } }
        Glibc.close(fd)
    }

    private func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed), for a registry that refuses connections.
    static func closedPort() throws -> Int {
        let registry = try StubRegistry(.hang)
        let port = registry.port
        registry.stop()
        return port
    }

    /// A registry document (schema 1) with one GPU node whose text fields are `name`, `site`, `pool` and `model`.
    static func document(name: String, site: String, pool: String, model: String, at now: Date = Date()) throws -> Data {
        let formatter = ISO8601DateFormatter()
        let time = formatter.string(from: now)
        let node: [String: Any] = [
            "id": "hostile-node-1", "name": name, "site": site, "pool": pool, "kind": "gpu", "status": "up",
            "heartbeat_at": time, "cpu_util": 42.5, "mem_util": 61,
            "gpus": [["index": 0, "model": model, "util": 97, "mem_used_mib": 70000, "mem_total_mib": 81559, "temp_c": 71, "power_w": 612.5]],
        ]
        let document: [String: Any] = ["schema_version": 1, "generated_at": time, "nodes": [node]]
        return try JSONSerialization.data(withJSONObject: document)
    }
}
