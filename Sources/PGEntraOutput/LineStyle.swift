/// The characters an aligned table is drawn with (`\pset linestyle`, psql-compat.md §6.6):
/// psql's `printTextFormat`. `ascii` is the default; `old-ascii` marks continuations with `:`
/// and `;`; `unicode` uses box drawing, `↵` for newlines and `…` for wraps.
struct LineStyle: Sendable {
    typealias Name = PrintOptions.LineStyleName

    /// One kind of horizontal rule, or the vertical bars of a data line.
    struct Rule: Sendable {
        var horizontal: [UInt8]
        var left: [UInt8]
        var middle: [UInt8]
        var right: [UInt8]
    }

    enum Position: Int { case top = 0, middle, bottom, data }

    var name: Name
    var rules: [Rule]  // indexed by Position
    /// Column separator where the next column continues a value after a newline / a wrap, or
    /// has no more lines.
    var middleNewline: [UInt8]
    var middleWrap: [UInt8]
    var middleBlank: [UInt8]
    var headerNewlineLeft: [UInt8]
    var headerNewlineRight: [UInt8]
    var newlineLeft: [UInt8]
    var newlineRight: [UInt8]
    var wrapLeft: [UInt8]
    var wrapRight: [UInt8]
    /// Whether border 0 still reserves a column at the right of each cell for the marks.
    var wrapRightBorder: Bool

    subscript(position: Position) -> Rule { rules[position.rawValue] }

    var isOldASCII: Bool { name == .oldASCII }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private static let asciiRules: [Rule] = [
        Rule(horizontal: bytes("-"), left: bytes("+"), middle: bytes("+"), right: bytes("+")),
        Rule(horizontal: bytes("-"), left: bytes("+"), middle: bytes("+"), right: bytes("+")),
        Rule(horizontal: bytes("-"), left: bytes("+"), middle: bytes("+"), right: bytes("+")),
        Rule(horizontal: [], left: bytes("|"), middle: bytes("|"), right: bytes("|")),
    ]

    static let ascii = LineStyle(
        name: .ascii, rules: asciiRules,
        middleNewline: bytes("|"), middleWrap: bytes("|"), middleBlank: bytes("|"),
        headerNewlineLeft: bytes(" "), headerNewlineRight: bytes("+"),
        newlineLeft: bytes(" "), newlineRight: bytes("+"),
        wrapLeft: bytes("."), wrapRight: bytes("."), wrapRightBorder: true)

    static let oldASCII = LineStyle(
        name: .oldASCII, rules: asciiRules,
        middleNewline: bytes(":"), middleWrap: bytes(";"), middleBlank: bytes(" "),
        headerNewlineLeft: bytes("+"), headerNewlineRight: bytes(" "),
        newlineLeft: bytes(" "), newlineRight: bytes(" "),
        wrapLeft: bytes(" "), wrapRight: bytes(" "), wrapRightBorder: false)

    /// psql's `refresh_utf8format`: each rule picks single or double strokes from the border,
    /// column and header settings.
    static func unicode(
        border: PrintOptions.UnicodeLineStyle, column: PrintOptions.UnicodeLineStyle,
        header: PrintOptions.UnicodeLineStyle
    ) -> LineStyle {
        let b = border == .double, c = column == .double, h = header == .double
        // Border: up-and-right, vertical, down-and-right, horizontal, down-and-left, up-and-left.
        let borderChars = b ? ["╚", "║", "╔", "═", "╗", "╝"] : ["└", "│", "┌", "─", "┐", "┘"]
        // Column: vertical, then [single border, double border] variants of the crossings.
        let columnVertical = c ? "║" : "│"
        let crossing = c ? ["╫", "╬"] : ["┼", "╪"]
        let upAndHorizontal = c ? ["╨", "╩"] : ["┴", "╧"]
        let downAndHorizontal = c ? ["╥", "╦"] : ["┬", "╤"]
        // Header: horizontal, vertical-and-right and vertical-and-left per border style.
        let headerHorizontal = h ? "═" : "─"
        let headerRight = h ? ["╞", "╠"] : ["├", "╟"]
        let headerLeft = h ? ["╡", "╣"] : ["┤", "╢"]
        let bi = b ? 1 : 0, hi = h ? 1 : 0
        let rules = [
            Rule(horizontal: bytes(borderChars[3]), left: bytes(borderChars[2]),
                 middle: bytes(downAndHorizontal[bi]), right: bytes(borderChars[4])),
            Rule(horizontal: bytes(headerHorizontal), left: bytes(headerRight[bi]),
                 middle: bytes(crossing[hi]), right: bytes(headerLeft[bi])),
            Rule(horizontal: bytes(borderChars[3]), left: bytes(borderChars[0]),
                 middle: bytes(upAndHorizontal[bi]), right: bytes(borderChars[5])),
            Rule(horizontal: [], left: bytes(borderChars[1]), middle: bytes(columnVertical),
                 right: bytes(borderChars[1])),
        ]
        return LineStyle(
            name: .unicode, rules: rules,
            middleNewline: bytes(columnVertical), middleWrap: bytes(columnVertical),
            middleBlank: bytes(columnVertical),
            headerNewlineLeft: bytes(" "), headerNewlineRight: bytes("↵"),
            newlineLeft: bytes(" "), newlineRight: bytes("↵"),
            wrapLeft: bytes("…"), wrapRight: bytes("…"), wrapRightBorder: true)
    }
}
