import Foundation
import Synchronization

/// A throwaway PKI made with the `openssl` command in a temporary directory: a CA, a server
/// certificate for 127.0.0.1 and localhost, and a client certificate, all signed by the CA.
struct TestPKI {
    let directory: URL
    var caCert: String { path("ca.pem") }
    var serverCert: String { path("server.pem") }
    var serverKey: String { path("server.key") }
    var clientCert: String { path("client.pem") }
    var clientKey: String { path("client.key") }

    /// Makes every key and certificate (EC P-256, valid one day).
    static func make() throws -> TestPKI {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fusion-pki-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pki = TestPKI(directory: directory)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try pki.openssl(["req", "-x509"] + ec + [
            "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=Fusion Test CA", "-days", "1",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
        try pki.issue(name: "server", subject: "/CN=localhost", extensions: """
            subjectAltName=IP:127.0.0.1,DNS:localhost
            extendedKeyUsage=serverAuth
            basicConstraints=CA:FALSE
            """)
        try pki.issue(name: "client", subject: "/CN=fusion-console", extensions: """
            extendedKeyUsage=clientAuth
            basicConstraints=CA:FALSE
            """)
        return pki
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    private func issue(name: String, subject: String, extensions: String) throws {
        try Data(extensions.utf8).write(to: directory.appendingPathComponent("\(name).ext"))
        try openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject])
        try openssl(["x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                     "-days", "1", "-extfile", "\(name).ext", "-out", "\(name).pem"])
    }

    private func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerError("openssl \(arguments.first ?? "") failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}

/// `openssl s_server -WWW` serving the files of a directory over HTTPS on a free loopback port.
final class OpenSSLServer {
    let port: Int
    private let process: Process
    private let lifeline: Pipe

    /// Starts the server and waits (with a deadline) until it reports its port and accepts connections.
    ///
    /// - Parameter requireClientCertificate: ask for and verify a client certificate (mutual TLS).
    init(pki: TestPKI, servingDirectory: URL, requireClientCertificate: Bool) throws {
        var command = ["/usr/bin/openssl", "s_server", "-WWW", "-accept", "127.0.0.1:0",
                       "-cert", pki.serverCert, "-key", pki.serverKey]
        if requireClientCertificate { command += ["-Verify", "1", "-CAfile", pki.caCert] }
        // A shell minds the server: it waits for its stdin (our pipe) to close, then kills it. So the
        // server goes away with `stop()`, and also if this test process dies before calling it.
        // SIGKILL and no `wait`: children of a Swift process inherit its blocked signal mask
        // (SIGTERM and SIGCHLD included), so a polite kill or a `wait` could hang forever.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"exec 3<&0; "$@" </dev/null & server=$!; read -r _ <&3; kill -9 $server"#, "sh"] + command
        process.currentDirectoryURL = servingDirectory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let lifeline = Pipe()
        self.lifeline = lifeline
        process.standardInput = lifeline
        try process.run()
        self.process = process

        // s_server prints "ACCEPT 127.0.0.1:PORT" once it listens; read it with a deadline.
        let reader = output.fileHandleForReading
        let found = Mutex<Int?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            var text = ""
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
                   let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                    found.withLock { $0 = port }
                    break
                }
            }
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + 10) == .success, let port = found.withLock({ $0 }) else {
            Self.shutDown(process, lifeline)
            throw ServerError("openssl s_server did not report its port within 10 s")
        }
        self.port = port
        guard Loopback.waitForPort(port, deadline: .now() + 10) else {
            Self.shutDown(process, lifeline)
            throw ServerError("openssl s_server on port \(port) did not accept within 10 s")
        }
    }

    /// Stops the server (by closing the shell's stdin) and waits for it to exit.
    func stop() { Self.shutDown(process, lifeline) }

    private static func shutDown(_ process: Process, _ lifeline: Pipe) {
        try? lifeline.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { stop() }
}
