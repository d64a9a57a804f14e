import Foundation

/// Reads the bearer token from its file, refusing a file other users could read.
enum BearerTokenFile {
    /// The largest token file read (a JWT is a few KiB).
    static let maxBytes = 16 * 1024

    /// The token in `path`, trimmed of surrounding white space.
    ///
    /// - Throws: ``RegistryProblem/tokenFileInsecure(path:mode:)`` when group or others have any
    ///   access to the file; ``RegistryProblem/tokenFileUnreadable(path:reason:)`` when it is missing,
    ///   not a regular file, empty, too large, or holds control characters (a header injection).
    static func read(_ path: String) throws(RegistryProblem) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .tokenFileUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .tokenFileUnreadable(path: path, reason: "not a regular file")
        }
        let mode = Int(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw .tokenFileInsecure(path: path, mode: mode) }
        guard info.st_size <= maxBytes else {
            throw .tokenFileUnreadable(path: path, reason: "larger than \(maxBytes / 1024) KiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .tokenFileUnreadable(path: path, reason: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .tokenFileUnreadable(path: path, reason: "not UTF-8 text")
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw .tokenFileUnreadable(path: path, reason: "the file is empty") }
        guard token.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value < 0x7F }) else {
            throw .tokenFileUnreadable(path: path, reason: "the token holds spaces, control or non-ASCII characters")
        }
        return token
    }
}
