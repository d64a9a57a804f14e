import Foundation
import Glibc

/// glibc functions Swift's Glibc module does not expose, and the types the harness reports with.
extension PseudoTerminal {
    /// How a process ended.
    struct Termination: Equatable, CustomStringConvertible {
        /// The raw wait status.
        let status: Int32
        /// The exit code, when it exited.
        var exitCode: Int32? { status & 0x7F == 0 ? (status >> 8) & 0xFF : nil }
        /// The signal that killed it, when one did.
        var signal: Int32? {
            let number = status & 0x7F
            return number != 0 && number != 0x7F ? number : nil
        }
        var description: String {
            if let exitCode { return "exit \(exitCode)" }
            if let signal { return "killed by signal \(signal)" }
            return "status \(status)"
        }
    }

    // MARK: - glibc extensions

    fileprivate typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+, a GNU extension Swift's Glibc module does not expose).
    static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32 {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return -1 }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)(actions, lowest)
    }

    // MARK: - openpty

    fileprivate typealias OpenPTY = @convention(c) (
        UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<CChar>?,
        UnsafePointer<termios>?, UnsafePointer<winsize>?
    ) -> Int32

    /// glibc's `openpty` (in libc since 2.34; `<pty.h>` is not part of Swift's Glibc module).
    static func openpty(
        _ master: UnsafeMutablePointer<Int32>, _ slave: UnsafeMutablePointer<Int32>, _ name: UnsafeMutablePointer<CChar>,
        _ modes: UnsafePointer<termios>?, _ window: UnsafePointer<winsize>
    ) -> Int32 {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "openpty") else { return -1 }
        return unsafeBitCast(symbol, to: OpenPTY.self)(master, slave, name, modes, window)
    }
}

/// A failure to set up a test fixture.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Key sequences as an xterm sends them once a program has switched it to application mode (ncurses' `keypad`
/// sends `smkx`), which is what `xterm-256color`'s terminfo describes.
enum TerminalKeys {
    static let enter = "\r"
    static let escape = "\u{1B}"
    static let tab = "\t"
    static let right = "\u{1B}OC"
    static let left = "\u{1B}OD"
    static let down = "\u{1B}OB"
}
