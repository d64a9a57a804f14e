import Foundation
import Testing

/// Shell completions come from the command definitions themselves (`make completions`), so they can never
/// forget a command: every subcommand is offered, and the scripts are valid for their shell.
@Suite("Shell completions")
struct CompletionScriptTests {
    static let commands = [
        "dashboard", "init", "demo", "simulate", "seed", "runs", "approvals", "institutes", "pools", "nodes",
        "approve", "reject", "cancel", "reroute", "operators", "audit",
        "pause", "resume", "pauses", "reverse", "escalate", "report",
    ]

    func script(_ shell: String) throws -> String {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-completions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try CLI.run(["--generate-completion-script", shell], environment: CLI.environment(home: home))
        #expect(result.status == 0, "\(shell): \(result.stderr)")
        return result.stdout
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func everyCommandIsOffered(shell: String) throws {
        let text = try script(shell)
        for command in Self.commands {
            #expect(text.contains(command), "the \(shell) completions do not offer `\(command)`")
        }
        let storeOption = shell == "fish" ? "-l 'store'" : "--store"
        #expect(text.contains(storeOption), "the \(shell) completions do not offer --store")
    }

    @Test func theBashScriptParses() throws {
        let text = try script("bash")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-console-\(UUID().uuidString).bash")
        defer { try? FileManager.default.removeItem(at: file) }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/bash")
        check.arguments = ["-n", file.path]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
    }
}
