import PGEntraSystem

/// Turns one raw value of a batch into the bytes every format prints, the way psql's
/// `printQuery` fills a table: NULL becomes the `null` display string, right-aligned values get
/// digit grouping under `numericlocale`, and everything passes `UTF8Repair`. The common case
/// (non-NULL, clean, no grouping) hands the batch's own bytes through without a copy.
struct CellReader {
    private let nullBytes: [UInt8]
    /// Per column: whether `numericlocale` applies (right-aligned and the option on).
    private let localized: [Bool]
    private let locale: NumericLocale
    /// The client encoding: only UTF-8 is repaired (psql's mbvalidate).
    let encoding: OutputEncoding
    private var repairScratch: [UInt8] = []
    private var localeScratch: [UInt8] = []

    init(columns: [TableColumn], options: PrintOptions, locale: NumericLocale = .c) {
        nullBytes = options.nullBytes
        localized = columns.map { options.numericLocale && $0.alignment == .right }
        self.locale = locale
        encoding = options.encoding
    }

    /// Calls `body` with the printable bytes of the value at (`row`, `column`) and whether it
    /// was NULL.
    @inline(__always)
    mutating func withCell<B: RowBatch, R>(
        _ batch: B, row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R
    ) -> R {
        withCell(batch, row: row, column: column, repairing: true, body)
    }

    /// Like `withCell` but without `UTF8Repair`, for a printer that scans each value anyway
    /// and repairs it itself (`repair`) only when the scan meets a non-ASCII byte.
    @inline(__always)
    mutating func withUncheckedCell<B: RowBatch, R>(
        _ batch: B, row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R
    ) -> R {
        withCell(batch, row: row, column: column, repairing: false, body)
    }

    /// Both of the above: the null display string as it is, else the value, digit-grouped when
    /// its column is localized, then repaired when `repairing` and the encoding is UTF-8.
    @inline(__always)
    private mutating func withCell<B: RowBatch, R>(
        _ batch: B, row: Int, column: Int, repairing: Bool, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R
    ) -> R {
        if batch.isNull(row: row, column: column) {
            return nullBytes.withUnsafeBufferPointer { body($0, true) }
        }
        if localized[column] {
            batch.withValue(row: row, column: column) { locale.format($0, into: &localeScratch) }
            let value = localeScratch
            return value.withUnsafeBufferPointer { withValue($0, repairing: repairing, body) }
        }
        return batch.withValue(row: row, column: column) { withValue($0, repairing: repairing, body) }
    }

    /// Calls `body` with a non-NULL value, through `UTF8Repair` when `repairing` UTF-8.
    @inline(__always)
    private mutating func withValue<R>(
        _ bytes: UnsafeBufferPointer<UInt8>, repairing: Bool, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R
    ) -> R {
        guard repairing && encoding == .utf8 else { return body(bytes, false) }
        return UTF8Repair.withClean(bytes, scratch: &repairScratch) { body($0, false) }
    }
}
