/// The rows an aligned or expanded table holds until it knows its column widths, as psql holds
/// its `PGresult`. Cells are copied into one byte arena (already cleaned by `CellReader`) with
/// their end offsets, so a 200,000-row result costs two allocations that grow, not one per cell;
/// per-column maxima are kept as rows arrive so rendering needs no second measuring pass.
struct BufferedTable {
    let columns: [TableColumn]
    let headers: [[UInt8]]
    let headerMetrics: [CellLayout.Metrics]

    private(set) var arena: [UInt8] = []
    /// End offset in `arena` of each cell, row-major.
    private(set) var ends: [Int] = []
    /// Whether each cell is printable ASCII only (its own single formatted line).
    private(set) var plain: [Bool] = []
    private(set) var rowCount = 0

    /// Per column, over the buffered cells only (not the header).
    private(set) var maxWidth: [Int]
    private(set) var maxLines: [Int]
    private(set) var maxFormattedSize: [Int]
    /// Sum of cell widths, for the wrapped format's average width.
    private(set) var widthSum: [Int]

    /// The client encoding the cells are in.
    let encoding: OutputEncoding

    init(columns: [TableColumn], encoding: OutputEncoding = .utf8) {
        self.columns = columns
        self.encoding = encoding
        headers = columns.map { encoding.printable($0.name) }
        headerMetrics = headers.map { header in header.withUnsafeBufferPointer { CellLayout.measure($0, encoding) } }
        maxWidth = Array(repeating: 0, count: columns.count)
        maxLines = Array(repeating: 1, count: columns.count)
        maxFormattedSize = Array(repeating: 1, count: columns.count)
        widthSum = Array(repeating: 0, count: columns.count)
    }

    var columnCount: Int { columns.count }

    mutating func append<B: RowBatch>(_ batch: B, reader: inout CellReader) {
        let n = columns.count
        guard n > 0 else {
            rowCount += batch.rowCount
            return
        }
        for row in 0..<batch.rowCount {
            for column in 0..<n {
                reader.withCell(batch, row: row, column: column) { bytes, _ in
                    let metrics = CellLayout.measure(bytes, encoding)
                    arena.append(contentsOf: bytes)
                    ends.append(arena.count)
                    plain.append(metrics.isPlain)
                    if metrics.width > maxWidth[column] { maxWidth[column] = metrics.width }
                    if metrics.lines > maxLines[column] { maxLines[column] = metrics.lines }
                    if metrics.formattedSize > maxFormattedSize[column] {
                        maxFormattedSize[column] = metrics.formattedSize
                    }
                    widthSum[column] += metrics.width
                }
            }
        }
        rowCount += batch.rowCount
    }

    /// Drops the rows (after a FETCH_COUNT chunk is printed); headers stay.
    mutating func removeAllRows() {
        arena.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        plain.removeAll(keepingCapacity: true)
        rowCount = 0
        for i in 0..<columns.count {
            maxWidth[i] = 0
            maxLines[i] = 1
            maxFormattedSize[i] = 1
            widthSum[i] = 0
        }
    }

    /// Byte range of cell `index` (row-major) in `arena`.
    @inline(__always)
    func range(ofCell index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }
}
