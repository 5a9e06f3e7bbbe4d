/// Lays out one result. A result arrives as `begin`, any number of `rows` batches, then
/// `finish`; formats that can stream (unaligned, CSV, HTML, JSON, asciidoc, LaTeX, troff) write
/// each batch at once, the aligned ones buffer what they need to measure widths, as psql does.
/// Get one from `PrintOptions.makePrinter(content:terminalWidth:)`, a new one per result.
package protocol TablePrinter {
    /// Writes what comes before the rows where the format allows (title, header line).
    mutating func begin(columns: [TableColumn], sink: ByteSink)
    /// Takes the next rows; the batch is only borrowed for the call.
    mutating func rows(_ batch: some RowBatch, sink: ByteSink)
    /// Writes what follows the rows: the footer (`(N rows)` unless `footers` replaces it).
    mutating func finish(sink: ByteSink)
}
