import ConsoleCore
import Glibc
import SafeText
import Testing

@testable import TerminalNCurses

@Suite("Terminal set-up without a terminal")
struct TerminalSetupTests {
    @Test("the locale's codeset decides the charset")
    func charsetFromCodeset() {
        #expect(TerminalCharset.forCodeset("UTF-8") == .utf8)
        #expect(TerminalCharset.forCodeset("utf8") == .utf8)
        #expect(TerminalCharset.forCodeset("ANSI_X3.4-1968") == .ascii)
        #expect(TerminalCharset.forCodeset("ISO-8859-1") == .ascii)
        #expect(TerminalCharset.forCodeset("") == .ascii)
    }

    @Test("durations become whole milliseconds, rounded up")
    func milliseconds() {
        #expect(NCursesTerminal.milliseconds(.zero) == 0)
        #expect(NCursesTerminal.milliseconds(.milliseconds(25)) == 25)
        #expect(NCursesTerminal.milliseconds(.microseconds(1)) == 1)
        #expect(NCursesTerminal.milliseconds(.seconds(2) + .microseconds(1_500)) == 2_002)
        #expect(NCursesTerminal.milliseconds(.milliseconds(-5)) == 0)
        #expect(NCursesTerminal.milliseconds(.seconds(Int64.max / 2)) > 1_000_000)
    }

    @Test("errors say what is wrong and what to do")
    func errorMessages() {
        #expect(TerminalError.notATerminal(stream: "input").description.contains("needs a terminal"))
        #expect(TerminalError.notATerminal(stream: "input").description.contains("subcommands"))
        #expect(TerminalError.unknownTerminalType(term: "vt9000").description.contains("TERM=vt9000"))
        #expect(TerminalError.unknownTerminalType(term: nil).description.contains("TERM is not set"))
        #expect(TerminalError.cannotOpenLog(path: "/x/y.log", reason: "No such file").description.contains("/x/y.log"))
    }

    @Test(
        "without a terminal on standard input, the dashboard refuses to start",
        .enabled(if: isatty(STDIN_FILENO) == 0, "standard input is a terminal here")
    )
    func refusesWithoutTerminal() {
        #expect(throws: TerminalError.notATerminal(stream: "input")) {
            try NCursesTerminal(options: TerminalOptions())
        }
    }

    @Test("a wake reaches the reading end, several wakes are merged by the reader")
    func waker() {
        let waker = TerminalWaker(channel: try! SelfPipe())
        #expect(waker.channel.drain().isEmpty)
        waker.wake()
        waker.wake()
        #expect(waker.channel.drain() == [0, 0])
        #expect(waker.channel.drain().isEmpty)
    }

    @Test("a wake from another thread makes the reading end readable")
    func wakeFromAnotherThread() async {
        let channel = try! SelfPipe()
        let waker = TerminalWaker(channel: channel)
        await Task.detached { waker.wake() }.value
        var watched = [pollfd(fd: channel.readEnd, events: Int16(POLLIN), revents: 0)]
        #expect(poll(&watched, 1, 2_000) == 1)
        #expect(channel.drain() == [0])
    }

    @Test("SIGHUP becomes a byte for the loop instead of ending the process, and is restored after")
    func signalWatcher() throws {
        let before = Self.disposition(of: SIGHUP)
        // Twice: a second session in the same process must hear signals too.
        for _ in 1...2 {
            let watcher = try SignalWatcher()
            #expect(Self.disposition(of: SIGHUP) != before)
            kill(getpid(), SIGHUP)
            var watched = [pollfd(fd: watcher.channel.readEnd, events: Int16(POLLIN), revents: 0)]
            #expect(poll(&watched, 1, 5_000) == 1)
            #expect(watcher.take() == SIGHUP)
            watcher.cancel()
            #expect(Self.disposition(of: SIGHUP) == before)
        }
    }

    /// The current handler of `signalNumber`, as a number (0 is the default action).
    private static func disposition(of signalNumber: Int32) -> Int {
        let current = signal(signalNumber, SIG_IGN)
        _ = signal(signalNumber, current)
        return unsafeBitCast(current, to: Int.self)
    }
}
