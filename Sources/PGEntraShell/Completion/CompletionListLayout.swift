import PGEntraOutput

/// The list a second Tab prints, laid out as GNU readline's `rl_display_match_list` (complete.c)
/// lays it out for psql: the matches sorted without repeats (readline's `remove_duplicate_matches`
/// in byte order: readline sorts with `strcoll`, which is byte order in the C locale; pgentra
/// does not follow the user's collation), each column as wide as the widest match plus two,
/// as many columns as fit `screenWidth` (one fewer when they would fill it exactly), and the items
/// running down the first column, then the next (`print-completions-horizontally` off).
///
/// File names show only what follows the last `/` (readline's `printable_part`), and a directory
/// keeps its `/` (`print_filename` with `mark-directories`) without it counting toward the column
/// width, as readline measures names that its filename generator returned without the slash.
struct CompletionListLayout: Equatable {
    /// What is printed for each match, in order: `width` is the columns the name takes as
    /// readline measures it, `printedWidth` those it takes on the screen (a directory's `/` too).
    struct Item: Equatable {
        var text: String
        var width: Int
        var printedWidth: Int
    }

    let items: [Item]
    /// The widest name: readline's `max` before it adds the two blanks between columns.
    let longest: Int
    let screenWidth: Int

    init(matches: [String], fileNames: Bool, screenWidth: Int) {
        var seen: Set<String> = []
        let sorted = matches.filter { seen.insert($0).inserted }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        items = sorted.map { match in
            let width = DisplayWidth.width(of: match)
            guard fileNames else { return Item(text: match, width: width, printedWidth: width) }
            let directory = match.count > 1 && match.hasSuffix("/")
            let name = Self.printablePart(directory ? String(match.dropLast()) : match)
            let nameWidth = DisplayWidth.width(of: name)
            return Item(text: name + (directory ? "/" : ""), width: nameWidth, printedWidth: nameWidth + (directory ? 1 : 0))
        }
        longest = items.map(\.width).max() ?? 0
        self.screenWidth = screenWidth
    }

    /// readline's `printable_part`: the text after the last slash, or the whole path when it is
    /// only a slash or has none.
    static func printablePart(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// readline's `_rl_screenwidth` for a terminal `columns` wide: one column less unless the
    /// terminal wraps by itself and ignores a newline right after the last column (terminfo's
    /// `am` and `xn`, readline's `_rl_term_autowrap`), as `_rl_get_screen_size` sets it.
    static func readlineScreenWidth(columns: Int, autoWrap: Bool) -> Int {
        autoWrap ? columns : columns - 1
    }

    /// How many columns: `rl_display_match_list`'s `limit`, at least one.
    var columns: Int {
        let columnWidth = longest + 2
        var limit = screenWidth / columnWidth
        if limit != 1 && limit * columnWidth == screenWidth { limit -= 1 }
        return max(limit, 1)
    }

    /// The printed lines, without their line ends. Every item but the last of a line is padded
    /// to the column width (at least one blank), as readline pads it even when nothing follows;
    /// a single match is printed alone, as `display_matches` prints it.
    var lines: [String] {
        guard items.count > 1 else { return items.map(\.text) }
        let columnWidth = longest + 2
        let limit = columns
        let rows = (items.count + limit - 1) / limit
        return (0..<rows).map { row in
            var line = ""
            for column in 0..<limit {
                let index = row + column * rows
                guard index < items.count else { break }
                let item = items[index]
                line += item.text
                if column + 1 < limit {
                    let printed = item.printedWidth
                    line += String(repeating: " ", count: columnWidth <= printed ? 1 : columnWidth - printed)
                }
            }
            return line
        }
    }
}
