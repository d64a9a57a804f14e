/// Cleans text that came from the network before it is put into an error message.
///
/// Error messages reach the terminal and logs; a registry must not be able to move the cursor,
/// change colours or forge lines there. Node names and other sample fields are left as they are
/// (the render layer makes them safe); this only guards the messages built here.
enum UntrustedText {
    /// `text` with every control character (C0, DEL, C1) replaced by `?`, cut to `limit` characters.
    static func snippet(_ text: some StringProtocol, limit: Int = 80) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                result += "…"
                break
            }
            let value = scalar.value
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
                || (0x2028...0x2029).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
            result.unicodeScalars.append(isControl ? "?" : scalar)
            count += 1
        }
        return result
    }

    /// `snippet` wrapped in single quotes, for quoting a bad value.
    static func quoted(_ text: some StringProtocol, limit: Int = 40) -> String {
        "'" + snippet(text, limit: limit) + "'"
    }
}
