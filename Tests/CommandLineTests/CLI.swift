import Foundation

/// Runs the built `fusion-console` binary the way an operator would, and captures what it says.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary next to the test bundle (both live in the build's products folder), or `$FUSION_CONSOLE_BIN`.
    static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["FUSION_CONSOLE_BIN"] { return explicit }
        let products = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return products.appendingPathComponent("fusion-console").path
    }

    /// A clean environment: no config file from the machine, a private XDG tree, UTF-8.
    static func environment(home: URL, extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "LANG": "C.UTF-8",
            "COLUMNS": "200",
        ]
        env.merge(extra) { $1 }
        return env
    }

    /// Starts the command and returns the running process (for races).
    static func start(_ arguments: [String], environment: [String: String], prefix: [String] = []) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        if prefix.isEmpty {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [binary] + arguments
        }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    /// Runs the command to its end.
    static func run(_ arguments: [String], environment: [String: String], prefix: [String] = []) throws -> Result {
        let (process, out, err) = try start(arguments, environment: environment, prefix: prefix)
        return finish(process, out, err)
    }

    static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Result {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }
}
