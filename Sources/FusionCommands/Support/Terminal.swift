import Foundation

/// Facts about where the command line's output goes.
enum OutputTerminal {
    /// The width to lay tables out in: the terminal's when stdout is one, else `$COLUMNS`, else 160.
    static func width(environment: [String: String]) -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
        return 160
    }

    /// Writes a line to stderr.
    static func warn(_ text: String) {
        fflush(nil)  // what was printed first shows first, when both streams go to one terminal or file
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
