import Foundation

/// A failure reported by libpq or the server, in the server's words (made printable).
struct PGError: Error, CustomStringConvertible {
    /// The five-character SQLSTATE, when the server answered; nil when the connection failed or was lost.
    var sqlState: String?
    /// The primary message.
    var message: String
    /// The server's detail, if any.
    var detail: String?
    /// True when the connection is unusable afterwards (lost, refused, never made).
    var connectionLost: Bool

    init(sqlState: String? = nil, message: String, detail: String? = nil, connectionLost: Bool = false) {
        self.sqlState = sqlState
        self.message = Self.printable(message)
        self.detail = detail.map(Self.printable)
        self.connectionLost = connectionLost
    }

    var description: String {
        guard let detail, !detail.isEmpty else { return message }
        return "\(message) (\(detail))"
    }

    /// A serialization failure or a deadlock: the whole transaction may simply be run again.
    var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// A value the store refuses to send: PostgreSQL text cannot hold a NUL character.
    static func nulCharacter() -> PGError {
        PGError(sqlState: "22021", message: "a value contains a NUL character, which PostgreSQL text cannot hold")
    }

    /// The server's words on one line, without control characters, at most 400 characters.
    static func printable(_ text: String) -> String {
        var cleaned = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: cleaned.unicodeScalars.append(" ")
            default: cleaned.unicodeScalars.append(scalar)
            }
        }
        let words = cleaned.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return words.count > 400 ? String(words.prefix(399)) + "…" : words
    }
}
