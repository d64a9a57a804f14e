#ifndef FUSION_CNCURSESW_SHIM_H
#define FUSION_CNCURSESW_SHIM_H
/*
 * The only door from Swift into ncurses' macros, mutable globals and wide-character calls.
 * Swift 6 refuses ncurses' globals (stdscr, curscr, LINES, COLS, COLORS, COLOR_PAIRS) and cannot
 * import function-like macros (A_BOLD, COLOR_PAIR, KEY_F, getmaxyx): each has a small
 * `static inline` wrapper here, named `fc_*`. Every wrapper works on stdscr: the console
 * draws one full-screen window.
 */

/* SwiftPM drops pkg-config's -D flags: ask for the wide-character API here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* ---- Locale ---------------------------------------------------------------------------- */

/* Adopts the locale of the environment (LC_ALL, LC_CTYPE, LANG); 0 when the C library refused it. */
static inline int fc_setlocale_from_environment(void) { return setlocale(LC_ALL, "") != NULL; }

/* Sets only the character-type category (e.g. "C.UTF-8" when the environment's UTF-8 locale is
 * not installed); 0 when the C library refused it. */
static inline int fc_setlocale_ctype(const char *name) { return setlocale(LC_CTYPE, name) != NULL; }

/* The codeset of the current locale, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *fc_locale_codeset(void) { return nl_langinfo(CODESET); }

/* The columns the C library gives a character: -1 unprintable, 0 a combining mark, 1 or 2.
 * glibc declares wcwidth only under _XOPEN_SOURCE, which a module header should not set. */
extern int wcwidth(wchar_t);
static inline int fc_wcwidth(wchar_t character) { return wcwidth(character); }

/* ---- Screen ---------------------------------------------------------------------------- */

/* newterm(NULL, stdout, stdin): NULL when TERM is unknown (unlike initscr, never exits). */
static inline SCREEN *fc_newterm(void) { return newterm(NULL, stdout, stdin); }

/* The input and drawing modes the console needs, on stdscr. */
static inline void fc_configure_stdscr(void) {
    keypad(stdscr, TRUE);     /* function keys arrive as KEY_* codes */
    nodelay(stdscr, TRUE);    /* wget_wch never blocks: the console waits with poll(2) */
    scrollok(stdscr, FALSE);  /* writing the bottom-right cell must not scroll */
    leaveok(stdscr, TRUE);    /* the cursor is hidden: never move it back */
    intrflush(stdscr, FALSE);
}

static inline int fc_lines(void) { return getmaxy(stdscr); }
static inline int fc_cols(void) { return getmaxx(stdscr); }
static inline int fc_colors(void) { return COLORS; }
static inline int fc_color_pairs(void) { return COLOR_PAIRS; }

/* Clears stdscr (in memory; the next refresh sends the difference). */
static inline int fc_erase(void) { return werase(stdscr); }

/* Ends curses mode if a screen is still active (for an exit hook; harmless after endwin/delscreen). */
static inline void fc_end_if_active(void) {
    if (!isendwin()) endwin();
}

/* Makes the next refresh clear the physical screen and send everything again. */
static inline int fc_clear_on_next_refresh(void) { return clearok(curscr, TRUE); }

/* Sends the changes of stdscr to the terminal, in one doupdate(). */
static inline int fc_refresh(void) {
    wnoutrefresh(stdscr);
    return doupdate();
}

/* Whether the terminal's description has the `Ms` capability (it can set the clipboard with OSC 52). */
static inline int fc_has_clipboard_capability(void) {
    char *value = tigetstr("Ms");
    return value != NULL && value != (char *)-1;
}

/* ---- Cells ----------------------------------------------------------------------------- */

/* The most wide characters a cell holds: one spacing character and its combining marks. */
static inline int fc_cchar_max(void) { return CCHARW_MAX; }

/*
 * Puts one cell at (y, x): `text` is a NUL-terminated wide string of one spacing character and
 * up to CCHARW_MAX - 1 combining marks. ERR when setcchar refuses the text or the cell is off
 * screen; writing the bottom-right cell also returns ERR although the cell is drawn (the cursor
 * cannot move past it and scrolling is off), so callers ignore ERR there.
 */
static inline int fc_put_cell(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* ---- Attributes and colours ------------------------------------------------------------ */

static inline attr_t fc_attr_normal(void) { return A_NORMAL; }
static inline attr_t fc_attr_bold(void) { return A_BOLD; }
static inline attr_t fc_attr_dim(void) { return A_DIM; }
static inline attr_t fc_attr_reverse(void) { return A_REVERSE; }
static inline attr_t fc_attr_underline(void) { return A_UNDERLINE; }

/* ---- Input ----------------------------------------------------------------------------- */

/* wget_wch on stdscr: OK (a character in *out), KEY_CODE_YES (a KEY_* code in *out) or ERR. */
static inline int fc_get_wch(wint_t *out) { return wget_wch(stdscr, out); }

static inline int fc_result_ok(void) { return OK; }
static inline int fc_result_err(void) { return ERR; }
static inline int fc_key_code_yes(void) { return KEY_CODE_YES; }

static inline int fc_key_up(void) { return KEY_UP; }
static inline int fc_key_down(void) { return KEY_DOWN; }
static inline int fc_key_left(void) { return KEY_LEFT; }
static inline int fc_key_right(void) { return KEY_RIGHT; }
static inline int fc_key_page_up(void) { return KEY_PPAGE; }
static inline int fc_key_page_down(void) { return KEY_NPAGE; }
static inline int fc_key_home(void) { return KEY_HOME; }
static inline int fc_key_end(void) { return KEY_END; }
static inline int fc_key_back_tab(void) { return KEY_BTAB; }
static inline int fc_key_backspace(void) { return KEY_BACKSPACE; }
static inline int fc_key_enter(void) { return KEY_ENTER; }
static inline int fc_key_delete(void) { return KEY_DC; }
static inline int fc_key_resize(void) { return KEY_RESIZE; }
/* KEY_F(n), e.g. fc_key_function(1) for F1. */
static inline int fc_key_function(int n) { return KEY_F(n); }

#endif
