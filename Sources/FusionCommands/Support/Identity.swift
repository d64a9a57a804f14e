import Foundation
import FactoryModel

/// Who runs the command: the operating-system account of the effective uid, never `$USER` or `$LOGNAME`.
enum Identity {
    /// The account name of the effective uid (`uid-1234` when it has no passwd entry).
    static func effectiveAccount() -> String {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid-\(uid)" }
        return String(cString: name)
    }

    /// The home folder of the effective uid, from passwd (falls back to `/`).
    static func home() -> String {
        guard let entry = getpwuid(geteuid()), let dir = entry.pointee.pw_dir else { return "/" }
        return String(cString: dir)
    }

    /// The actor for this process: the effective account, or with `--as NAME` (root only) NAME via root.
    static func actor(actingAs other: String?) throws(CommandFailure) -> Actor {
        let account = effectiveAccount()
        guard let other else { return Actor(account: account) }
        guard geteuid() == 0 else {
            throw CommandFailure(
                exitCode: CommandFailure.notPermittedCode,
                message: "Only root may act for another account with --as; you are \(account). Run the command as yourself."
            )
        }
        guard AccountName.isValid(other) else {
            throw .usage("\"\(other.prefix(40))\" is not an account name (letters, digits, . _ -; at most 32).")
        }
        if other == account { return Actor(account: account) }
        return Actor(account: other, via: account)
    }
}
