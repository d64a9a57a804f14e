import CNCursesW
import ConsoleCore
import ConsoleRender
import Glibc
import SafeText

/// The dashboard's terminal: ncurses in wide-character mode, full screen.
///
/// The loop that owns the console state creates one, renders a ``CellGrid`` of ``size``
/// whenever something changed, hands it to ``draw(_:)``, and waits in
/// ``nextInput(timeout:)`` for a key, a resize, a signal or a ``TerminalWaker/wake()``.
/// On ``TerminalInput/signal(_:)`` or when the operator quits, it calls ``stop()``.
///
/// ```swift
/// let terminal = try NCursesTerminal(options: TerminalOptions(theme: theme, stderrLog: logPath))
/// defer { terminal.stop() }
/// while running {
///     terminal.draw(view(state, terminal.size, terminal.charset))
///     switch terminal.nextInput(timeout: .seconds(1)) { ... }
/// }
/// ```
///
/// **Threads.** ncurses is not thread-safe: create, use and stop the terminal on the loop's
/// thread only (the type is not `Sendable`). Only ``waker`` may be used from other threads.
/// Only one terminal can be active at a time.
///
/// **What it changes while active.** The tty is in cbreak mode without echo, the cursor is
/// hidden, standard error goes to ``TerminalOptions/stderrLog``, and SIGINT, SIGTERM and
/// SIGHUP are reported by ``nextInput(timeout:)`` instead of ending the process. ``stop()``
/// puts all of it back; so does dropping the terminal, and an `exit()` ends curses mode too.
/// ncurses keeps its own handling of SIGWINCH (a resize) and SIGTSTP (Ctrl-Z).
///
/// ## Topics
/// - ``init(options:)``
/// - ``draw(_:)``
/// - ``nextInput(timeout:)``
/// - ``stop()``
public final class NCursesTerminal {
    /// What the terminal can show: ``TerminalCharset/utf8`` only when the locale's codeset
    /// (`nl_langinfo(CODESET)` after `setlocale(LC_ALL, "")`) is UTF-8 and
    /// ``TerminalOptions/asciiOnly`` is off, ``TerminalCharset/ascii`` otherwise (`LANG=C`).
    /// Render grids in this charset.
    public let charset: TerminalCharset
    /// The colour in use, from `NO_COLOR`, the terminal's colours and ``TerminalOptions/colorLimit``.
    public let colorMode: ColorMode
    /// The theme as drawn: the chosen one, its 8-colour fallback, or ``Theme/monochrome``.
    public let theme: Theme
    /// Wakes ``nextInput(timeout:)`` from any thread.
    public let waker: TerminalWaker

    /// Whether the terminal is still in curses mode (``stop()`` not called yet).
    public private(set) var isActive = true

    let signals: SignalWatcher
    let stderrRedirect: StderrRedirect
    /// The attributes and colour pair of each style, ready for `setcchar`.
    let looks: [StyleName: (attributes: attr_t, pair: Int16)]
    /// Styles whose spaces may take the look of the cell before them (see ``ColorPairPlan/plainBlanks``).
    let plainBlanks: Set<StyleName>
    /// The most wide characters one ncurses cell holds (`CCHARW_MAX`).
    let maxScalarsPerCell: Int
    /// The grid on screen, and the screen size it was drawn at.
    var lastDrawn: (grid: CellGrid, screen: TerminalSize)?
    /// A key read after an Esc that still has to be reported.
    var pendingKey: RawKey?
    /// Times in a row standard input was readable but gave no key (its end: the terminal is gone).
    var emptyReads = 0
    /// Bytes sent to the terminal so far (frames and clipboard copies), counted by the system for the loop's
    /// thread; nil when the system does not count them (no `/proc/thread-self/io`).
    public internal(set) var bytesWritten: UInt64? = ThreadOutputCounter.written() == nil ? nil : 0
    /// The size when ``stop()`` was called.
    private var sizeAtStop = TerminalSize(width: 0, height: 0)

    /// Takes over the terminal: locale, curses mode, colours, signals, standard error.
    ///
    /// Does `setlocale(LC_ALL, "")`, `newterm`, `cbreak`, `noecho`, `nonl`, `keypad`,
    /// `curs_set(0)`, `set_escdelay`, and colours with `use_default_colors` (so that "default"
    /// keeps the terminal's own background).
    ///
    /// - Throws: ``TerminalError`` when standard input or output is not a terminal, `TERM` is
    ///   unknown, or the log file cannot be opened. The terminal is then left as it was.
    public init(options: TerminalOptions) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "output") }

        charset = options.asciiOnly ? .ascii : Self.adoptLocale()
        waker = TerminalWaker(channel: try SelfPipe())

        // Signals first: ncurses then leaves SIGINT and SIGTERM to us.
        signals = try SignalWatcher()
        guard fc_newterm() != nil else {
            signals.cancel()
            throw .unknownTerminalType(term: getenv("TERM").map { String(cString: $0) })
        }
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        fc_configure_stdscr()
        _ = curs_set(0)
        _ = set_escdelay(Int32(clamping: Self.milliseconds(options.escapeDelay)))

        var mode = ColorMode.none
        var defaultColors = false
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        if has_colors(), options.colorLimit != .none, noColor?.isEmpty ?? true {
            _ = start_color()
            defaultColors = use_default_colors() == fc_result_ok()
            mode = ColorMode.detect(
                noColor: noColor, hasColors: true, colors: Int(fc_colors()), colorPairs: Int(fc_color_pairs()),
                limit: options.colorLimit)
        }
        colorMode = mode
        theme = options.theme.resolved(for: mode)
        let plan = ColorPairPlan(theme: theme, mode: mode, defaultColors: defaultColors, maxPairs: Int(fc_color_pairs()))
        for pair in plan.pairs {
            _ = init_pair(pair.number, pair.foreground, pair.background)
        }
        var looks: [StyleName: (attributes: attr_t, pair: Int16)] = [:]
        for style in StyleName.allCases {
            let look = plan[style]
            looks[style] = (Self.cursesAttributes(look.attributes), look.pair)
        }
        self.looks = looks
        plainBlanks = plan.plainBlanks
        maxScalarsPerCell = Int(fc_cchar_max())

        do {
            stderrRedirect = try StderrRedirect(path: options.stderrLog)
        } catch {
            _ = endwin()
            signals.cancel()
            throw error
        }
        _ = exitHookInstalled
    }

    deinit {
        stop()
    }

    /// The terminal's current size in cells (after a resize, the new one).
    public var size: TerminalSize {
        guard isActive else { return sizeAtStop }
        return TerminalSize(width: Int(fc_cols()), height: Int(fc_lines()))
    }

    /// Gives the terminal back: ends curses mode (`endwin`: echo, line mode and the cursor
    /// return), restores standard error and the signal handling found at start.
    ///
    /// Idempotent. Afterwards ``draw(_:)``, ``repaint()`` and ``bell()`` do nothing and
    /// ``nextInput(timeout:)`` returns `nil` at once. To end on a signal the way the shell
    /// expects, the caller may then exit with status 128 + the signal number.
    public func stop() {
        guard isActive else { return }
        sizeAtStop = size
        isActive = false
        lastDrawn = nil
        pendingKey = nil
        _ = endwin()
        stderrRedirect.restore()
        signals.cancel()
    }

    /// Adopts the environment's locale (`setlocale(LC_ALL, "")`, which ncurses needs for wide
    /// characters) and returns the charset of its codeset.
    ///
    /// When the C library refuses the locale (`LANG=fr_FR.UTF-8` not installed) although the
    /// environment asks for UTF-8, the terminal is still UTF-8: the character type alone is then
    /// set to `C.UTF-8`, which glibc always has.
    static func adoptLocale() -> TerminalCharset {
        if fc_setlocale_from_environment() == 0 {
            var environment: [String: String] = [:]
            for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
                if let value = getenv(name) { environment[name] = String(cString: value) }
            }
            if TerminalCharset.detect(environment: environment) == .utf8 {
                _ = fc_setlocale_ctype("C.UTF-8")
            }
        }
        return .forCodeset(fc_locale_codeset().map { String(cString: $0) } ?? "")
    }

    /// ncurses attributes for theme attributes.
    static func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var result = fc_attr_normal()
        if attributes.contains(.bold) { result |= fc_attr_bold() }
        if attributes.contains(.dim) { result |= fc_attr_dim() }
        if attributes.contains(.reverse) { result |= fc_attr_reverse() }
        if attributes.contains(.underline) { result |= fc_attr_underline() }
        return result
    }

    /// `duration` in whole milliseconds, rounded up, never negative.
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 0 }
        let fromSeconds = seconds > Int64(Int.max / 2_000) ? Int.max / 2 : Int(seconds) * 1_000
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(0, fromSeconds + Int(fraction))
    }
}

/// Ends curses mode when the process exits without ``NCursesTerminal/stop()`` (an `exit()` on
/// an error path), so that the shell gets its echo and cursor back. Installed once.
private let exitHookInstalled: Bool = atexit { fc_end_if_active() } == 0
