import PGEntraOutput

/// Which screen row, counted from the prompt's first, libedit has drawn a position of the line
/// on: what a redraw must climb before libedit draws the prompt and line again from their start
/// (its `EL_REFRESH` forgets what is on the screen and draws from where the cursor is). The rules
/// are libedit's refresh.c: `prompt_print` skips what lies between the invisible markers
/// (`RL_PROMPT_START_IGNORE`), `re_addc` shows a control character as `^X` and a tab up to the
/// next multiple of eight, and `re_putc` moves a character that does not fit to the next row and
/// starts a new row once one is full.
struct EditedLineRows {
    /// The prompt as libedit holds it, `\u{1}` around what the terminal does not show.
    var prompt: String
    /// libedit's idea of the terminal width (its `co`).
    var columns: Int

    /// The row the cursor is on after the prompt and `text` are drawn.
    func row(after text: String) -> Int {
        guard columns > 0 else { return 0 }
        var row = 0, column = 0
        func put(_ width: Int) {
            if column + width > columns {
                row += 1
                column = 0
            }
            column += width
            if column >= columns {
                row += 1
                column = 0
            }
        }
        var hidden = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{1}" {
                hidden.toggle()
            } else if scalar == "\n" {
                row += 1
                column = 0
            } else if !hidden {
                put(max(0, DisplayWidth.width(of: String(scalar))))
            }
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                row += 1
                column = 0
            case "\t":
                // libedit's re_addc pads one column at a time until a multiple of 8, and a
                // wrap to column 0 ends the padding.
                repeat { put(1) } while column % 8 != 0
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                put(1)
                put(1)
            default:
                put(DisplayWidth.width(of: String(scalar)))
            }
        }
        return row
    }
}
