/// What a caller adds to a result besides its rows (psql's `printQueryOpt.title` / `.footers`):
/// describe commands pass `List of relations` and their `Indexes:` lines here, while query
/// results take the `\pset title` and the default `(N rows)` footer.
public struct TableContentOptions: Sendable, Equatable {
    /// Printed above the table (centred in aligned format); nil for none.
    public var title: String?
    /// Lines printed instead of the default `(N rows)` footer; nil keeps the default (subject to
    /// `\pset footer`). Expanded formats print only these, never the default.
    public var footers: [String]?
    /// FETCH_COUNT mode: each `rows` batch is one cursor fetch and is laid out on its own, as
    /// psql prints each fetch as a separate table piece: aligned widths are per fetch, the header
    /// comes with the first and the closing rule and footer with the last. A fetch is printed when
    /// the next one (or `finish`) arrives, because psql draws the last fetch differently. Pass
    /// every fetch, including the final short or empty one. Streaming formats print the same
    /// either way (asciidoc excepted: psql closes its block after every fetch).
    public var printsEachBatch: Bool

    /// The footers the caller added, nil when it added none: psql keeps them in a list that is
    /// NULL when empty, so `footers: []` (describe.c's `default_footer = false` without footers)
    /// prints no footer block at all, not an empty `<p></p>` (HTML) or `....` lines (troff).
    var addedFooters: [String]? {
        footers.flatMap { $0.isEmpty ? nil : $0 }
    }

    public init(title: String? = nil, footers: [String]? = nil, printsEachBatch: Bool = false) {
        self.title = title
        self.footers = footers
        self.printsEachBatch = printsEachBatch
    }
}

/// Which part of a table one rendering call draws: psql's `start_table`, `stop_table` and
/// `prior_records`, so FETCH_COUNT chunks continue numbering and print one header and footer.
struct TablePiece {
    var startsTable = true
    var stopsTable = true
    /// Rows printed by earlier pieces.
    var priorRecords = 0

    /// psql's `footers_with_default`: the caller's footers, else `(N rows)` when the footer is on.
    func footers(
        _ content: TableContentOptions, options: PrintOptions, rowCount: Int
    ) -> [String]? {
        if content.footers != nil { return content.addedFooters }
        guard options.footer else { return nil }
        let total = priorRecords + rowCount
        return [total == 1 ? "(1 row)" : "(\(total) rows)"]
    }
}
