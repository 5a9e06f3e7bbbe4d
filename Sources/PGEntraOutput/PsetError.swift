/// Why a `\pset` (or `-P`) assignment was refused. Each description is psql's own message
/// (psql-compat.md §6.7), without the `psql:FILE:LINE: error: ` prefix the Shell adds for
/// scripts; `-P` failures are followed by `could not set printing parameter "NAME"`.
package enum PsetError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownOption(String)
    case ambiguousFormat(String, first: String, second: String)
    case unknownFormat
    case unknownLineStyle
    /// `which` is `border`, `column` or `header`.
    case unknownUnicodeLineStyle(which: String)
    case csvSeparatorNotOneByte
    case csvSeparatorForbidden
    /// A Boolean option (`footer`, `tuples_only`, `numericlocale`) got another word; `name` is
    /// the option as typed (`t` or `tuples_only`).
    case booleanExpected(name: String, value: String)
    /// `expanded` or `pager` got a value outside its list.
    case valueNotInList(name: String, value: String, choices: String)
    /// `pager_min_lines` got something ParseVariableNum refuses.
    case integerExpected(name: String, value: String)
    /// `xheader_width` got neither a keyword nor a nonzero number.
    case unknownExpandedHeaderWidth

    package var description: String {
        switch self {
        case .unknownOption(let name):
            return "\\pset: unknown option: \(name)"
        case .ambiguousFormat(let value, let first, let second):
            return "\\pset: ambiguous abbreviation \"\(value)\" matches both \"\(first)\" and \"\(second)\""
        case .unknownFormat:
            let names = OutputFormat.psetChoices.map(\.name).joined(separator: ", ")
            return "\\pset: allowed formats are \(names)"
        case .unknownLineStyle:
            return "\\pset: allowed line styles are ascii, old-ascii, unicode"
        case .unknownUnicodeLineStyle(let which):
            return "\\pset: allowed Unicode \(which) line styles are single, double"
        case .csvSeparatorNotOneByte:
            return "\\pset: csv_fieldsep must be a single one-byte character"
        case .csvSeparatorForbidden:
            return "\\pset: csv_fieldsep cannot be a double quote, a newline, or a carriage return"
        case .booleanExpected(let name, let value):
            return "unrecognized value \"\(value)\" for \"\(name)\": Boolean expected"
        case .valueNotInList(let name, let value, let choices):
            return "unrecognized value \"\(value)\" for \"\(name)\"\nAvailable values are: \(choices)."
        case .integerExpected(let name, let value):
            return "invalid value \"\(value)\" for \"\(name)\": integer expected"
        case .unknownExpandedHeaderWidth:
            return "\\pset: allowed xheader_width values are \"full\" (default), \"column\", \"page\", or a number specifying the exact width"
        }
    }
}
