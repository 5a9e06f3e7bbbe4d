/// How a result is laid out: psql's `\pset format` values (psql-compat.md §6.7) plus pgentra's own
/// `--json`, which no `\pset` spelling reaches.
package enum OutputFormat: String, Sendable, Equatable, CaseIterable {
    case aligned
    case asciidoc
    case csv
    case html
    case latex
    case latexLongtable = "latex-longtable"
    case troffMS = "troff-ms"
    case unaligned
    case wrapped
    /// One JSON array of objects per result set (`--json`); see `JSONPrinter`.
    case json

    /// The name `\pset format` prints (`Output format is csv.`).
    var name: String { rawValue }

    /// Formats psql can select, in the order its error message lists them.
    static let psetChoices: [OutputFormat] = [
        .aligned, .asciidoc, .csv, .html, .latex, .latexLongtable, .troffMS, .unaligned, .wrapped,
    ]
}
