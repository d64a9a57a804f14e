import Glibc

/// Counts the bytes the calling thread has written, from Linux's per-thread I/O accounting (`wchar` in
/// `/proc/thread-self/io`). Read just before and after `doupdate()` on the loop's thread, the difference is exactly
/// what ncurses sent to the terminal for that frame: the terminal backend counts its own output this way, without
/// reaching into ncurses' buffer.
enum ThreadOutputCounter {
    /// The bytes written by this thread so far; nil when the system does not account them.
    static func written() -> UInt64? {
        let fd = open("/proc/thread-self/io", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return parse(buffer[0..<count])
    }

    /// The `wchar:` figure of an `io` file's text.
    static func parse(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("wchar:") {
            return UInt64(line.dropFirst(6).drop { $0 == " " })
        }
        return nil
    }
}
