import CLibedit
#if canImport(Glibc)
import Glibc
#endif

/// The screen under libedit's readline emulation, for what a key function draws itself while
/// libedit is reading a line: text written through libedit's own stream (so nothing overtakes
/// what libedit has buffered), and the prompt and line drawn again after a change libedit did not
/// see, since libedit's readline emulation lets a key function neither refresh the line nor ask
/// where the cursor is.
struct LibeditScreen {
    func write(_ text: String) {
        guard let stream = pgentra_rl_outstream() else { return }
        fputs(text, stream)
        fflush(stream)
    }

    /// The line after an edit made in libedit's buffer behind its back: the cursor goes back to
    /// where libedit drew the prompt's first row (a carriage return, then the terminal's
    /// cursor-up once per row that `before`, the text the cursor followed, had reached), and
    /// `rl_forced_update_display` draws prompt and line from there, over what was on the screen.
    /// A terminal that cannot move up (TERM=dumb) gets a new line instead, as libedit itself
    /// redraws on one.
    func redraw(cursorAfter before: String) {
        var columns: Int32 = 0
        rl_get_screen_size(nil, &columns)
        let prompt = pgentra_rl_prompt().map { String(cString: $0) } ?? ""
        let rows = EditedLineRows(prompt: prompt, columns: Int(columns)).row(after: before)
        if rows == 0 {
            write("\r")
        } else if let up = tgetstr("up", nil) {
            write("\r" + String(repeating: String(cString: up), count: rows))
        } else {
            write("\r\n")
        }
        rl_forced_update_display()
    }

    /// readline's `space_to_eol`: blanks the columns a shorter line left behind after a redraw
    /// drew it over the longer one, and puts the cursor back at the line's end.
    func erase(columns: Int) {
        guard columns > 0 else { return }
        write(String(repeating: " ", count: columns) + String(repeating: "\u{8}", count: columns))
    }

    /// readline's `display_matches`: below the line's last row, the matches in
    /// `CompletionListLayout`'s columns, after asking `Display all N possibilities? (y or n)` when
    /// there are `rl_completion_query_items` (100) or more; then the prompt and line again.
    func list(_ completion: Completion, before: String, line: String) {
        var editorColumns: Int32 = 0
        rl_get_screen_size(nil, &editorColumns)
        let prompt = pgentra_rl_prompt().map { String(cString: $0) } ?? ""
        let rows = EditedLineRows(prompt: prompt, columns: Int(editorColumns))
        // _rl_move_vert(_rl_vis_botlin): down to the line's last row.
        write(String(repeating: "\n", count: max(0, rows.row(after: line) - rows.row(after: before))))
        let columns = Terminal.current().columns ?? Int(editorColumns)
        let autoWrap = tgetflag("am") != 0 && tgetflag("xn") != 0
        let layout = CompletionListLayout(
            matches: completion.labels ?? completion.candidates, fileNames: completion.fileNames,
            screenWidth: CompletionListLayout.readlineScreenWidth(columns: columns, autoWrap: autoWrap))
        let queryItems = Int(pgentra_rl_completion_query_items())
        if queryItems > 0, layout.items.count >= queryItems {
            write("\nDisplay all \(layout.items.count) possibilities? (y or n)")
            guard answer(pager: false) == .yes else {
                write("\n")
                rl_forced_update_display()
                return
            }
        }
        write("\n")
        page(layout.lines, height: Terminal.current().rows)
        rl_forced_update_display()
    }

    /// readline's rows loop in `rl_display_match_list` with page-completions on: after each
    /// screenful but the last (a row short of the screen's height), `_rl_internal_pager` shows
    /// `--More--` and reads a key: space or y for the next screenful, Return for one more row,
    /// n, q or Delete to stop. `--More--` is then erased as `_rl_erase_entire_line` erases it.
    private func page(_ lines: [String], height: Int?) {
        var shown = 0
        for (index, line) in lines.enumerated() {
            write(line + "\n")
            shown += 1
            guard let height, shown >= height - 1, index + 1 < lines.count else { continue }
            write("--More--")
            let key = answer(pager: true)
            write("\r" + (tgetstr("ce", nil).map { String(cString: $0) } ?? "") + "\r")
            switch key {
            case .no: return
            case .oneMore: shown -= 1
            case .yes: shown = 0
            }
        }
    }

    private enum Answer { case yes, no, oneMore }

    /// readline's `get_y_or_n`: y, Y or space say yes; n, N or Delete say no; Ctrl-G or the end
    /// of input give up (no); for the pager, Return asks for one more row and q stops; any other
    /// key rings and asks again.
    private func answer(pager: Bool) -> Answer {
        while true {
            switch LibeditKeyReader.nextScalar(fd: 0) {
            case Int32(UInt8(ascii: "y")), Int32(UInt8(ascii: "Y")), Int32(UInt8(ascii: " ")): return .yes
            case Int32(UInt8(ascii: "n")), Int32(UInt8(ascii: "N")), 0x7F, 0x07: return .no
            case ..<0: return .no
            case 0x0A where pager, 0x0D where pager: return .oneMore
            case Int32(UInt8(ascii: "q")) where pager, Int32(UInt8(ascii: "Q")) where pager: return .no
            default: write("\u{7}")
            }
        }
    }
}
