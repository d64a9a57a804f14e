import Foundation
import Logging
import SafeText

/// A swift-log handler that appends one line per message to a file (mode 0640), so nothing ever writes over the
/// dashboard. Messages are sanitised: a hostile string cannot forge log lines or carry terminal escapes.
struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger of the process.
    final class Sink: Sendable {
        private let handle: FileHandle
        private let lock = NSLock()

        init(path: String) throws {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
                )
            }
            let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
            guard descriptor >= 0 else {
                throw CommandFailure(exitCode: CommandFailure.usageCode, message: "Cannot open the log file \(path): \(String(cString: strerror(errno))).")
            }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        }

        func write(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            handle.write(Data((line + "\n").utf8))
        }
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let text = Sanitizer.line("\(event.message)\(extra)", charset: .utf8, maxScalars: 2000)
        sink.write("\(Date().formatted(.iso8601)) \(event.level) \(label): \(text)")
    }
}
