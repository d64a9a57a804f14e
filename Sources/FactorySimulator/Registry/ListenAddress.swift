import Foundation

/// Where the simulator's registry listens: an IP address and a port, loopback by default.
///
/// Accepted forms: `127.0.0.1:8787`, `localhost:8787` (IPv4 loopback), `[::1]:8787`, or a port alone (`8787`,
/// on 127.0.0.1). Port 0 lets the system choose a free port. Host names other than `localhost` are refused: the
/// simulator never resolves names.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The IP address, without brackets: `127.0.0.1`, `::1`.
    public var host: String
    /// The port (0: any free port).
    public var port: UInt16
    /// Whether `host` is IPv6.
    public var isIPv6: Bool

    /// The simulator's default: 127.0.0.1:8787.
    public static let standard = ListenAddress(host: "127.0.0.1", port: 8787, isIPv6: false)

    /// Creates an address from parts already checked.
    public init(host: String, port: UInt16, isIPv6: Bool) {
        self.host = host
        self.port = port
        self.isIPv6 = isIPv6
    }

    /// Parses `--listen`.
    public static func parse(_ text: String) throws(SimulatorError) -> ListenAddress {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let host: String
        let portText: String
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]"), trimmed[trimmed.index(after: close)...].hasPrefix(":") else {
                throw problem(text, "an IPv6 address is written in brackets with a port, e.g. [::1]:8787")
            }
            host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            portText = String(trimmed[trimmed.index(close, offsetBy: 2)...])
        } else if let colon = trimmed.lastIndex(of: ":") {
            host = String(trimmed[..<colon])
            guard !host.contains(":") else {
                throw problem(text, "write an IPv6 address in brackets with a port, e.g. [::1]:8787")
            }
            portText = String(trimmed[trimmed.index(after: colon)...])
        } else {
            host = "127.0.0.1"
            portText = trimmed
        }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber),
              let port = UInt16(portText) else {
            throw problem(text, "the port must be a number from 0 to 65535 (0 lets the system choose)")
        }
        if host.lowercased() == "localhost" || host.isEmpty {
            return ListenAddress(host: "127.0.0.1", port: port, isIPv6: false)
        }
        if isIPv4(host) { return ListenAddress(host: host, port: port, isIPv6: false) }
        if isIPv6(host) { return ListenAddress(host: host, port: port, isIPv6: true) }
        throw problem(text, "give an IP address such as 127.0.0.1 or [::1] (host names are not resolved)")
    }

    /// Whether only this machine can reach the address (127.0.0.0/8 or ::1).
    public var isLoopback: Bool {
        isIPv6 ? host == "::1" || host == "0:0:0:0:0:0:0:1" : host.hasPrefix("127.")
    }

    /// `127.0.0.1:8787` or `[::1]:8787`.
    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The same host on another port.
    public func with(port: UInt16) -> ListenAddress {
        ListenAddress(host: host, port: port, isIPv6: isIPv6)
    }

    private static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    private static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }

    private static func problem(_ text: String, _ hint: String) -> SimulatorError {
        SimulatorError(.listen, "--listen \"\(text.prefix(60))\" is not an address to listen on: \(hint).")
    }
}
