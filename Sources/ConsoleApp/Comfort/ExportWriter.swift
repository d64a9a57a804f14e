import ConsoleCore
import Foundation

/// Writes an export file: its folder created if missing (mode 0700), the file created with mode 0640, never
/// replacing an existing file unless the request says the operator agreed, never following a symbolic link.
public enum ExportWriter {
    /// Writes `request`; the outcome says what happened. A leading `~/` is the home folder.
    public static func write(_ request: ExportRequest) -> ExportOutcome {
        var request = request
        if request.path.hasPrefix("~/") { request.path = (request.path as NSString).expandingTildeInPath }
        let path = request.path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                return .failed(path: path, reason: "cannot create the folder \(folder) (\(error.localizedDescription)).")
            }
        }
        var flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW
        flags |= request.replace ? O_TRUNC : O_EXCL
        let fd = open(path, flags, 0o640)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST { return .exists(request) }
            if code == ELOOP { return .failed(path: path, reason: "it is a symbolic link; choose another name.") }
            return .failed(path: path, reason: String(cString: strerror(code)) + ".")
        }
        defer { close(fd) }
        _ = fchmod(fd, 0o640)
        let bytes = Array(request.table.encoded(as: request.format).utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return .failed(path: path, reason: String(cString: strerror(errno)) + ".")
            }
            offset += written
        }
        return .written(path: path, rows: request.table.rows.count)
    }
}
