/// Every `\pset` setting (psql-compat.md §6.7) as a typed value, with psql's defaults. The Shell
/// keeps one in its session and changes it through `PsetCommand`; `\g (...)` and describe
/// commands change a copy. Values are parsed once, at the edge, so printers never see text.
package struct PrintOptions: Sendable, Equatable {
    /// `expanded` / `x` / `\x`.
    package enum ExpandedMode: Sendable, Equatable {
        case off, on
        /// Expanded only when the table is wider than a known target width (§6.3).
        case auto
    }

    /// `pager`: stored for the Shell, which owns the terminal; printers ignore it.
    package enum PagerUsage: Int, Sendable, Equatable {
        case off = 0, on = 1, always = 2
    }

    /// `fieldsep` / `recordsep`: a string, or a NUL byte (`fieldsep_zero`, `recordsep_zero`).
    package enum Separator: Sendable, Equatable {
        case text(String)
        case zero

        var bytes: [UInt8] {
            switch self {
            case .text(let text): return Array(text.utf8)
            case .zero: return [0]
            }
        }
    }

    /// `linestyle`: the names `\pset linestyle` accepts and prints.
    enum LineStyleName: String, Sendable, Equatable {
        case ascii
        case oldASCII = "old-ascii"
        case unicode
    }

    /// `unicode_border_linestyle`, `unicode_column_linestyle`, `unicode_header_linestyle`.
    enum UnicodeLineStyle: String, Sendable, Equatable {
        case single, double
    }

    /// `xheader_width` (psql 16+): how far the `-[ RECORD n ]` lines of expanded output reach.
    enum ExpandedHeaderWidth: Sendable, Equatable {
        /// Across the whole value column (psql's default).
        case full
        /// Only to the end of the names, closed there by the right corner.
        case column
        /// Across the value column, but no wider than the target width.
        case page
        /// No wider than this many columns (psql keeps any nonzero `atoi`, even a negative one).
        case exact(Int)
    }

    package var format: OutputFormat = .aligned
    /// 0, 1 or 2 for text tables (larger acts as 2); HTML prints the number as given. psql keeps
    /// it in an `unsigned short`, so `\pset border -1` shows 65535.
    var border: Int = 1
    package var expanded: ExpandedMode = .off
    package var tuplesOnly = false
    /// `footer`: whether the default `(N rows)` footer is printed.
    var footer = true
    /// `null`: what a NULL prints as.
    package var nullDisplay = ""
    /// Whether `\pset null` ever set `nullDisplay`: psql's `nullPrint` is NULL until then, which
    /// `\crosstabview`'s duplicate-cell error shows as "(null)" rather than the empty string.
    package var nullDisplayIsSet = false
    package var fieldSeparator: Separator = .text("|")
    package var recordSeparator: Separator = .text("\n")
    /// `csv_fieldsep`: always exactly one byte.
    var csvFieldSeparator: UInt8 = UInt8(ascii: ",")
    /// `title` / `\C`; nil when unset.
    package var title: String?
    /// `tableattr` / `\T`: extra attributes of HTML's `<table>`; nil when unset.
    package var tableAttributes: String?
    /// `numericlocale`: digit grouping in right-aligned columns (C locale separators).
    package var numericLocale = false
    /// `columns`: target width for `wrapped` and `expanded auto`; 0 = use the terminal's.
    var columns = 0
    package var pager: PagerUsage = .on
    package var pagerMinLines = 0
    var lineStyle: LineStyleName = .ascii
    var unicodeBorderLineStyle: UnicodeLineStyle = .single
    var unicodeColumnLineStyle: UnicodeLineStyle = .single
    var unicodeHeaderLineStyle: UnicodeLineStyle = .single
    var expandedHeaderWidth: ExpandedHeaderWidth = .full
    /// The client encoding results arrive in (psql's `topt.encoding`); no `\pset` sets it.
    package var encoding: OutputEncoding = .utf8

    package init() {}

    /// The box-drawing characters for `lineStyle` and the three Unicode styles.
    var resolvedLineStyle: LineStyle {
        switch lineStyle {
        case .ascii: return .ascii
        case .oldASCII: return .oldASCII
        case .unicode:
            return .unicode(
                border: unicodeBorderLineStyle, column: unicodeColumnLineStyle,
                header: unicodeHeaderLineStyle)
        }
    }

    /// Border as the text printers use it: psql clamps it to 2.
    var textBorder: Int { min(max(border, 0), 2) }

    /// The NULL display string as bytes, cleaned like any cell.
    var nullBytes: [UInt8] { encoding.printable(nullDisplay) }
}
