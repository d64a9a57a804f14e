import Foundation
import FactoryModel
import FactoryTestSupport
import GRDB

/// A full disk without filling the real one: a tiny tmpfs mounted in a private mount namespace (`unshare -m`),
/// which disappears with the shell that mounted it.
enum PrivateTmpfs {
    /// Whether this machine lets us mount a private tmpfs (root with CAP_SYS_ADMIN, util-linux's unshare).
    static let isAvailable: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-tmpfs-probe-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return (try? shell("mount -t tmpfs -o size=64k tmpfs \"$1\" && umount \"$1\"", arguments: [folder.path]).status) == 0
    }()

    /// What happened to the decisions on the full disk.
    struct Outcome {
        /// Decisions that failed because the disk was full (exit 6, "full").
        var full = 0
        /// Decisions that went through.
        var done = 0
        /// Anything else, with its exit code and message.
        var unexpected: [String] = []
        /// The store as it was left on the full disk, copied out.
        var storeCopy: String
        /// The script's log.
        var log: String
    }

    /// Copies `fixture`'s store onto a tmpfs with 128 KiB left free, approves `approvals` one by one there as
    /// sup-eau until the disk fills, and copies the store back out.
    static func run(storeFrom fixture: StoreFixture, binary: String, approvals: [ApprovalID]) throws -> Outcome {
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let mountPoint = fixture.folder.appendingPathComponent("tmpfs")
        let out = fixture.folder.appendingPathComponent("after-full-disk")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let script = """
            set -u
            mnt=$1; src=$2; out=$3; bin=$4; shift 4
            mount -t tmpfs -o size=1m tmpfs "$mnt" || exit 90
            cp "$src" "$mnt/factory.sqlite"
            export HOME="$out" XDG_STATE_HOME="$out/state" XDG_CONFIG_HOME="$out/config" LANG=C.UTF-8
            "$bin" runs --store "$mnt/factory.sqlite" >/dev/null 2>&1
            dd if=/dev/zero of="$mnt/filler" bs=4096 2>/dev/null
            truncate -s -131072 "$mnt/filler"
            for id in "$@"; do
              msg=$("$bin" approve "$id" --store "$mnt/factory.sqlite" --as sup-eau 2>&1 >/dev/null); rc=$?
              printf '%s %s %s\\n' "$id" "$rc" "$(printf '%s' "$msg" | tr '\\n' ' ')"
            done
            cp "$mnt"/factory.sqlite* "$out/"
            umount "$mnt"
            """
        let result = try shell(script, arguments: [mountPoint.path, fixture.path, out.path, binary] + approvals.map(\.description))
        var outcome = Outcome(storeCopy: out.appendingPathComponent("factory.sqlite").path, log: result.output)
        guard result.status == 0 else {
            outcome.unexpected.append("the tmpfs script failed (\(result.status)): \(result.output)")
            return outcome
        }
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count >= 2 else { continue }
            let message = parts.count > 2 ? parts[2] : ""
            switch parts[1] {
            case "0": outcome.done += 1
            case "6" where message.contains("full"): outcome.full += 1
            default: outcome.unexpected.append(String(line))
            }
        }
        return outcome
    }

    /// Runs `script` with `sh` in a private mount namespace, with `arguments` as `$1`, `$2`…
    private static func shell(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-m", "--propagation", "private", "/bin/sh", "-c", script, "sh"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
