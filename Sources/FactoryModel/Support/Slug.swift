/// Checks the short text identifiers of sites, pools and institutes (`dakhla`, `dakhla-gpu`, `jazari-root`).
public enum Slug {
    /// The longest identifier accepted.
    public static let maxLength = 64

    /// True when `text` is 1–64 characters of lowercase ASCII letters, digits and `-`, starting with a letter or digit.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maxLength, let first = text.utf8.first, first != UInt8(ascii: "-") else {
            return false
        }
        return text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
        }
    }
}
