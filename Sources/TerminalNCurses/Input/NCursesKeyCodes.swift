import CNCursesW
import ConsoleCore

/// ncurses' `KEY_*` codes the console understands, read through the C shim (they are macros).
/// Constant values: no terminal is needed to read them.
enum NCursesKeyCodes {
    /// Each key code and the key it means.
    static let table: [Int32: Key] = {
        var table: [Int32: Key] = [
            fc_key_up(): .up,
            fc_key_down(): .down,
            fc_key_left(): .left,
            fc_key_right(): .right,
            fc_key_page_up(): .pageUp,
            fc_key_page_down(): .pageDown,
            fc_key_home(): .home,
            fc_key_end(): .end,
            fc_key_back_tab(): .backTab,
            fc_key_backspace(): .backspace,
            fc_key_enter(): .enter,
            fc_key_delete(): .delete,
        ]
        for number in 1...12 {
            table[fc_key_function(Int32(number))] = .function(number)
        }
        return table
    }()

    /// `KEY_RESIZE`.
    static let resize: Int32 = fc_key_resize()
}
