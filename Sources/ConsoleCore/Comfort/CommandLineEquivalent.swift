import Foundation
import FactoryModel

/// The command line that does what a dashboard action did, so that operators learn the scriptable form:
/// `fusion-console cancel R-12 --reason 'runaway: 3x its GPU budget'`.
public enum CommandLineEquivalent {
    /// The command for `action`.
    ///
    /// - Parameters:
    ///   - store: the `--store` argument when the store is not the default one; nil to leave it out.
    ///   - actingAs: the `--as` account when root acts for another account; nil otherwise.
    public static func of(_ action: OperatorAction, store: String? = nil, actingAs: String? = nil) -> String {
        var words = ["fusion-console"]
        switch action {
        case .approve(let id, let reason):
            words += ["approve", id.description]
            if let reason { words += ["--reason", reason] }
        case .reject(let id, let reason):
            words += ["reject", id.description, "--reason", reason]
        case .cancel(let id, let reason):
            words += ["cancel", id.description, "--reason", reason]
        case .reroute(let id, let pool, let reason):
            words += ["reroute", id.description, "--to", pool, "--reason", reason]
        case .grant(let account, let role):
            words += ["operators", "grant", account, role.rawValue]
        case .pause(let scope, let target, let mode, let reason):
            words += ["pause", scope.rawValue, target, "--reason", reason]
            if mode == .drain { words.append("--drain") }
        case .confirmPause(let id, let reason):
            words += ["pause", "confirm", id.description]
            if let reason { words += ["--reason", reason] }
        case .resume(let id, let reason):
            words += ["resume", id.description, "--reason", reason]
        case .reverse(let id, let reason):
            words += ["reverse", id.description, "--reason", reason]
        case .escalate(let id, let account, let reason):
            words += ["escalate", id.description, "--to", account, "--reason", reason]
        }
        if let store { words += ["--store", store] }
        if let actingAs { words += ["--as", actingAs] }
        return words.enumerated().map { $0.offset == 0 ? $0.element : shellQuoted($0.element) }.joined(separator: " ")
    }

    /// `word` as a POSIX shell reads it back unchanged: bare when it holds only safe characters, else in single
    /// quotes (a quote inside written `'\''`).
    public static func shellQuoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+%")
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
