/// The words before the word being completed, as psql's get_previous_words (tab-complete.c)
/// cuts them, because psql's rules are written against exactly these words: a word ends at a
/// blank or at one of psql's WORD_BREAKS (`@><=;|&()`, not the comma, so `a,` is one word);
/// a double-quoted run stays in its word; a parenthesized group, once closed, is one word
/// (`(VERBOSE)`), and an open `(` is a word of its own.
struct PreviousWords: Equatable {
    /// tab-complete.c's WORD_BREAKS.
    static let breaks: Set<Unicode.Scalar> = ["\t", "\n", "@", ">", "<", "=", ";", "|", "&", "(", ")", " "]

    /// Left to right: `words.last` is psql's prev_wd.
    let words: [String]

    /// `text` is the statement up to the start of the word being completed.
    init(_ text: String) {
        let buffer = Array(text.unicodeScalars)
        var found: [String] = []
        // The scan starts at the last word break before the point (get_previous_words' first loop).
        var point = buffer.count - 1
        while point >= 0, !Self.breaks.contains(buffer[point]) { point -= 1 }
        while point >= 0 {
            guard let end = (0...point).reversed().first(where: { !Self.isSpace(buffer[$0]) }) else { break }
            var start = end
            var quoted = false
            var parentheses = 0
            while start > 0 {
                if buffer[start] == "\"" { quoted.toggle() }
                if !quoted {
                    if buffer[start] == ")" {
                        parentheses += 1
                    } else if buffer[start] == "(" {
                        parentheses -= 1
                        if parentheses <= 0 { break }
                    } else if parentheses == 0, Self.breaks.contains(buffer[start - 1]) {
                        break
                    }
                }
                start -= 1
            }
            found.append(String(String.UnicodeScalarView(buffer[start...end])))
            point = start - 1
        }
        words = found.reversed()
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}"
    }
}
