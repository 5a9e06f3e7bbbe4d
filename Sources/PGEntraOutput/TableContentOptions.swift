/// What a caller adds to a result besides its rows (psql's `printQueryOpt.title` / `.footers`):
/// describe commands pass `List of relations` and their `Indexes:` lines here, while query
/// results take the `\pset title` and the default `(N rows)` footer.
package struct TableContentOptions: Sendable, Equatable {
    /// Printed above the table (centred in aligned format); nil for none.
    var title: String?
    /// Lines printed instead of the default `(N rows)` footer; nil keeps the default (subject to
    /// `\pset footer`). Expanded formats print only these, never the default.
    var footers: [String]?
    /// FETCH_COUNT mode (psql 17+'s chunked fetching): each `rows` batch is one chunk, printed
    /// at once as a piece of its own: aligned widths are per chunk and the header comes with the
    /// first. `finish` stands for the empty result that ends a chunked result: psql prints it
    /// as the last piece, so the closing rule has the header's widths. Streaming formats print
    /// the same either way (asciidoc excepted: psql closes its block after every piece).
    package var printsEachBatch: Bool
    /// Chunks that go to stdout: psql 18 passes them to the printer as paged (`is_pager`) even
    /// when no pager runs, so `\x auto` is always expanded and `COLUMNS` counts for any stdout.
    var pagesChunks: Bool

    /// The footers the caller added, nil when it added none: psql keeps them in a list that is
    /// NULL when empty, so `footers: []` (describe.c's `default_footer = false` without footers)
    /// prints no footer block at all, not an empty `<p></p>` (HTML) or `....` lines (troff).
    var addedFooters: [String]? {
        footers.flatMap { $0.isEmpty ? nil : $0 }
    }

    package init(
        title: String? = nil, footers: [String]? = nil, printsEachBatch: Bool = false, pagesChunks: Bool = false
    ) {
        self.title = title
        self.footers = footers
        self.printsEachBatch = printsEachBatch
        self.pagesChunks = pagesChunks
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
