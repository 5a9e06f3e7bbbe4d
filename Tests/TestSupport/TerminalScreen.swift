/// What a dumb terminal (TERM=dumb) shows for a program's output: carriage returns go back to
/// the line's start and overwrite, backspaces step left, the bell shows nothing, and trailing
/// blanks are invisible. Two line editors draw the same line differently (readline backs up
/// with backspaces, libedit redraws from a carriage return), so interactive transcripts are
/// compared as they look, not as the bytes that drew them.
package enum TerminalScreen {
    package static func lines(_ output: String) -> [String] {
        var lines: [String] = []
        var current: [Character] = []
        var column = 0
        func endLine() {
            while current.last == " " { current.removeLast() }
            lines.append(String(current))
            current = []
            column = 0
        }
        var characters = output.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            switch character {
            case "\r\n", "\n": endLine()
            case "\r":
                if pending == "\n" {
                    pending = characters.next()
                    endLine()
                } else {
                    column = 0
                }
            case "\u{8}": column = max(0, column - 1)
            case "\u{7}": break
            default:
                if column < current.count { current[column] = character } else { current.append(character) }
                column += 1
            }
        }
        endLine()
        return lines
    }
}
