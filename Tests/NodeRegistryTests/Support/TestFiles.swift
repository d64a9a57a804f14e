import Foundation

/// gzip through the system's `gzip` command (the tests need a compressed body, nothing more).
enum Gzip {
    static func compress(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Write on another thread so a full output pipe cannot deadlock us.
        let writer = input.fileHandleForWriting
        Thread {
            writer.write(data)
            try? writer.close()
        }.start()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ServerError("gzip failed") }
        return compressed
    }
}

/// A token file with chosen contents and permissions, in its own temporary directory.
struct TokenFile {
    let path: String

    init(contents: String, mode: mode_t) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-token-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("token").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        guard chmod(path, mode) == 0 else { throw ServerError("chmod failed") }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}

/// The CPU time used by the calling thread, for timings that other load on the machine must not skew.
enum ThreadCPUClock {
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
