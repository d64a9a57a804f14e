import Glibc

/// A pair of connected local sockets (Linux) used as a self-pipe: any thread sends a byte, the
/// terminal loop sees the read end become readable in `poll(2)`.
///
/// A socket pair, not a pipe, so that sending uses `MSG_NOSIGNAL`: a late sender never gets
/// SIGPIPE. Both ends are non-blocking and close when the last reference goes, so a sender
/// never writes to a closed (or reused) descriptor.
final class SelfPipe: Sendable {
    /// The end `poll(2)` watches and ``drain()`` reads.
    let readEnd: Int32
    /// The end ``post(_:)`` writes.
    let writeEnd: Int32

    /// Opens the pair.
    init() throws(TerminalError) {
        var ends: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else {
            throw TerminalError.systemCall(name: "socketpair", reason: String(cString: strerror(errno)))
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Sends one byte; when the pair is full the reader has plenty to wake for, so it is dropped.
    /// Callable from any thread.
    func post(_ byte: UInt8) {
        var value = byte
        _ = send(writeEnd, &value, 1, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
    }

    /// Reads and returns every byte waiting (none when nothing is).
    func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = recv(readEnd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }
}
