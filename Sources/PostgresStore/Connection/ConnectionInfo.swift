import Foundation

/// Where a PostgreSQL job store is, as the operator wrote it: a URL (`postgresql://host/factory`), a libpq
/// keyword string (`host=/run/postgresql dbname=factory`) or a service (`service=factory`). libpq reads it as
/// written, so service files, `.pgpass`, `PGSSLROOTCERT`, client certificates and Unix sockets all work.
struct ConnectionInfo: Sendable, Equatable {
    /// The location exactly as given.
    let location: String

    /// The location with any password hidden, for messages and logs.
    var redacted: String { Self.redact(location) }

    /// The keyword/value pairs handed to `PQconnectdbParams` (with `expand_dbname`): defaults first, so that the
    /// location can override them, then the location itself, then what the store cannot work without.
    var parameters: [(String, String)] {
        [
            ("fallback_application_name", "fusion-console"),
            ("connect_timeout", "10"),
            ("keepalives", "1"),
            ("keepalives_idle", "30"),
            ("keepalives_interval", "10"),
            ("keepalives_count", "3"),
            ("dbname", location),
            ("client_encoding", "UTF8"),
        ]
    }

    /// Hides passwords in a URL (`postgresql://user:secret@host` → `postgresql://user:…@host`) and in keyword
    /// strings (`password=secret` → `password=…`).
    static func redact(_ location: String) -> String {
        var text = location
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") {
            let userInfo = text[scheme.upperBound..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: "…")
            }
        }
        for key in ["password=", "sslpassword="] {
            var searchStart = text.startIndex
            while let found = text.range(of: key, options: .caseInsensitive, range: searchStart..<text.endIndex) {
                let valueStart = found.upperBound
                let valueEnd: String.Index
                if text[valueStart...].first == "'" {
                    var index = text.index(after: valueStart)
                    while index < text.endIndex && text[index] != "'" {
                        if text[index] == "\\" { index = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex } else { index = text.index(after: index) }
                    }
                    valueEnd = index < text.endIndex ? text.index(after: index) : index
                } else {
                    valueEnd = text[valueStart...].firstIndex { $0 == " " || $0 == "&" } ?? text.endIndex
                }
                text.replaceSubrange(valueStart..<valueEnd, with: "…")
                searchStart = text.index(valueStart, offsetBy: 1, limitedBy: text.endIndex) ?? text.endIndex
            }
        }
        return text
    }
}
