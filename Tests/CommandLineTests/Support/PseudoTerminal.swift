import Foundation
import Glibc
import Synchronization

/// The real `fusion-console` on a pseudo-terminal: every byte it writes to the terminal is kept, keys are typed
/// into it, its signals and its exit are observed, and the terminal's modes can be read while it runs and after.
///
/// The child is spawned (not forked: the test process has threads) with `posix_spawn` as a new session
/// whose controlling terminal is the pty, as a login shell would start it. The pty's slave end stays open
/// here too, so that its modes (`tcgetattr`) can be read after the program has gone.
final class PseudoTerminal: Sendable {
    /// The program's process id.
    let pid: pid_t
    private let master: Int32
    private let slave: Int32
    private let captured = Mutex<[UInt8]>([])
    /// When each chunk of output arrived (the byte count before it, and the time), stamped by the reader thread,
    /// so that latencies are measured without depending on when a test task gets to look.
    private let arrivals = Mutex<[(offset: Int, at: ContinuousClock.Instant)]>([])
    private let state = Mutex<(status: Int32?, closed: Bool)>((nil, false))
    private let readerDone = DispatchSemaphore(value: 0)

    /// glibc's `POSIX_SPAWN_SETSID` (Swift's Glibc module only exposes it under `_GNU_SOURCE`).
    private static let spawnSetSID: Int32 = 0x80

    /// Starts `binary` with `arguments` on a new pty of `columns` x `rows`, in `environment`.
    init(binary: String = CLI.binary, arguments: [String], environment: [String: String], columns: Int = 100, rows: Int = 30) throws {
        var window = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var masterFD: Int32 = -1
        var slaveFD: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        guard Self.openpty(&masterFD, &slaveFD, &name, nil, &window) == 0 else {
            throw HarnessError("openpty failed: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(masterFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slaveFD, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, opening the tty makes it the controlling terminal of the new session.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // Nothing else: pipes that other tests' threads are creating at this moment must not leak into a child
        // that lives for seconds, or their readers wait for it to exit before they see the end of their output.
        guard Self.addCloseFrom(&actions, 3) == 0 else {
            Glibc.close(masterFD)
            Glibc.close(slaveFD)
            throw HarnessError("posix_spawn_file_actions_addclosefrom_np is not available")
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGWINCH, SIGTSTP] { sigaddset(&defaults, number) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))

        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, binary, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            Glibc.close(masterFD)
            Glibc.close(slaveFD)
            throw HarnessError("posix_spawn \(binary): \(String(cString: strerror(spawned)))")
        }
        pid = child
        master = masterFD
        slave = slaveFD
        let thread = Thread { [self] in readLoop() }
        thread.name = "pty-reader"
        thread.start()
    }

    deinit { close() }

    // MARK: - Output

    /// Every byte the program wrote to the terminal so far.
    var bytes: [UInt8] { captured.withLock { $0 } }

    /// How many bytes the program wrote so far (an offset for ``waitFor(_:after:timeout:)``).
    var count: Int { captured.withLock { $0.count } }

    /// Waits until the output after `offset` holds `text` (its UTF-8 bytes), or `timeout` passes.
    @discardableResult
    func waitFor(_ text: String, after offset: Int = 0, timeout: Duration = .seconds(10)) async -> Bool {
        let needle = Array(text.utf8)
        return await waitUntil(timeout: timeout) { output in
            output.count > offset && Self.contains(output[offset...], needle)
        }
    }

    /// Waits until the output is longer than `offset`; returns the time from `sent` to the arrival of the first
    /// new bytes (as the reader thread stamped it), or nil after `timeout`.
    func latency(since sent: ContinuousClock.Instant, after offset: Int, timeout: Duration) async -> Duration? {
        guard await waitUntil(timeout: timeout, { $0.count > offset }) else { return nil }
        let arrival = arrivals.withLock { stamps in stamps.first { $0.offset >= offset }?.at }
        return arrival.map { max(.zero, $0 - sent) }
    }

    /// Waits until the output has stayed unchanged for `quiet` (the screen is drawn), at most `timeout`.
    func waitForQuiet(_ quiet: Duration = .milliseconds(300), timeout: Duration = .seconds(5)) async {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastCount = -1
        var since = clock.now
        while clock.now < deadline {
            let current = count
            if current != lastCount {
                lastCount = current
                since = clock.now
            } else if clock.now - since >= quiet {
                return
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Polls `condition` on the output every 5 ms (sleeping, not blocking a thread) until it holds or `timeout` passes.
    private func waitUntil(timeout: Duration, _ condition: ([UInt8]) -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if captured.withLock({ condition($0) }) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return captured.withLock { condition($0) }
    }

    /// Whether `haystack` holds `needle` as consecutive bytes.
    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        firstRange(of: needle, in: haystack) != nil
    }

    /// The first place `needle` occurs in `haystack`.
    static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }

    private func readLoop() {
        defer { readerDone.signal() }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !state.withLock({ $0.closed }) {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 50)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            let got = read(master, &buffer, buffer.count)
            if got > 0 {
                let now = ContinuousClock.now
                let offset = captured.withLock { output in
                    defer { output.append(contentsOf: buffer[0..<got]) }
                    return output.count
                }
                arrivals.withLock { $0.append((offset, now)) }
            } else if got < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                return
            }
        }
    }

    // MARK: - Input

    /// Types `text` (its UTF-8 bytes) into the terminal; returns when it was sent.
    @discardableResult
    func type(_ text: String) -> ContinuousClock.Instant {
        let sent = ContinuousClock.now
        send(Array(text.utf8))
        return sent
    }

    /// Writes raw bytes to the terminal's input (escape sequences of special keys included).
    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written <= 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            offset += written
        }
    }

    /// The terminal's current modes (shared by both ends of the pty).
    func modes() -> termios {
        var modes = termios()
        _ = tcgetattr(slave, &modes)
        return modes
    }

    /// Whether the terminal is in the mode a shell expects: canonical input with echo.
    var isCooked: Bool {
        let flags = modes().c_lflag
        return flags & tcflag_t(ICANON) != 0 && flags & tcflag_t(ECHO) != 0
    }

    // MARK: - The process

    /// Sends `signal` to the program.
    func signal(_ number: Int32) {
        _ = kill(pid, number)
    }

    /// Waits for the program to end; returns how it ended, or nil if it still runs after `timeout`.
    func waitForExit(timeout: Duration = .seconds(10)) async -> Termination? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let status = reap() { return Termination(status: status) }
            if clock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Whether the program is still running.
    var isRunning: Bool { reap() == nil }

    private func reap() -> Int32? {
        state.withLock { state in
            if let status = state.status { return status }
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                state.status = status
                return status
            }
            return nil
        }
    }

    /// Kills the program if it still runs, reaps it, and closes the pty.
    func close() {
        let wasClosed = state.withLock { state -> Bool in
            defer { state.closed = true }
            return state.closed
        }
        guard !wasClosed else { return }
        if reap() == nil {
            _ = kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            state.withLock { $0.status = status }
        }
        readerDone.wait()
        Glibc.close(master)
        Glibc.close(slave)
    }
}
