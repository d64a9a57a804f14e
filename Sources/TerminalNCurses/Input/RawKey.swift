import ConsoleCore

/// What one `wget_wch` call returned, before decoding.
enum RawKey: Hashable {
    /// A character (`OK`): a Unicode scalar value, control characters included.
    case character(UInt32)
    /// A key code (`KEY_CODE_YES`): one of ncurses' `KEY_*` values.
    case code(Int32)
}

/// A ``RawKey`` decoded.
enum DecodedKey: Hashable {
    /// A key the console understands.
    case key(Key)
    /// ncurses' `KEY_RESIZE`: the terminal changed size (ncurses has already updated its size).
    case resize
    /// Nothing the console uses (a mouse event, an unknown key, a NUL, a C1 control...).
    case ignored
}
