import PGEntraSystem

/// pgentra's `--json` (cli.md): each result set is one JSON array of objects, keys being the
/// column names in order. Layout, chosen so that `jq` and line tools both cope:
///
///     [
///     {"id":1,"name":"apple","ok":true,"doc":{"a":[1]},"note":null},
///     {"id":2,"name":"banana","ok":false,"doc":null,"note":"x"}
///     ]
///
/// one object per line, `[]` for no rows, always a final newline. Values: NULL → `null`;
/// int2/int4/int8/oid/float4/float8/numeric → bare numbers when the text is a JSON number
/// (NaN and ±Infinity stay strings); bool → `true`/`false`; json and jsonb → embedded as sent;
/// everything else a string with JSON escapes. Duplicate column names are kept as sent. No
/// `\pset` setting applies: no title, footer, NULL display, expanded mode or digit grouping.
/// Streams: each row is written as it arrives, so memory stays flat for any row count.
struct JSONPrinter: TablePrinter {
    /// How a column's values are written.
    enum ValueKind: Equatable {
        case number, boolean, json, string

        init(typeOID: UInt32) {
            switch typeOID {
            case 20, 21, 23, 26, 700, 701, 1700: self = .number
            case 16: self = .boolean
            case 114, 3802: self = .json
            default: self = .string
            }
        }
    }

    private var keys: [[UInt8]] = []
    private var kinds: [ValueKind] = []
    private var rowCount = 0
    private var repairScratch: [UInt8] = []
    /// The row being built, kept between calls: libpq's single-row mode sends batches of one.
    private var lineScratch: [UInt8] = []

    init() {}

    mutating func begin(columns: [TableColumn], sink: ByteSink) {
        keys = columns.map { column in
            var key: [UInt8] = []
            Array(column.name.utf8).withUnsafeBufferPointer { Self.appendString($0, to: &key) }
            key.append(UInt8(ascii: ":"))
            return key
        }
        kinds = columns.map { ValueKind(typeOID: $0.typeOID) }
        rowCount = 0
        sink.write(byte: UInt8(ascii: "["))
    }

    mutating func rows(_ batch: some RowBatch, sink: ByteSink) {
        var line = lineScratch
        lineScratch = []  // keep `line` uniquely referenced
        defer { lineScratch = line }
        for row in 0..<batch.rowCount {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: rowCount == 0 ? [0x0A, UInt8(ascii: "{")] : [UInt8(ascii: ","), 0x0A, UInt8(ascii: "{")])
            for column in 0..<keys.count {
                if column > 0 { line.append(UInt8(ascii: ",")) }
                line.append(contentsOf: keys[column])
                if batch.isNull(row: row, column: column) {
                    line.append(contentsOf: "null".utf8)
                    continue
                }
                let kind = kinds[column]
                batch.withValue(row: row, column: column) { bytes in
                    UTF8Repair.withClean(bytes, scratch: &repairScratch) { value in
                        Self.appendValue(value, kind: kind, to: &line)
                    }
                }
            }
            line.append(UInt8(ascii: "}"))
            sink.write(line)
            rowCount += 1
        }
    }

    mutating func finish(sink: ByteSink) {
        if rowCount > 0 { sink.write(byte: 0x0A) }
        sink.write(byte: UInt8(ascii: "]"))
        sink.write(byte: 0x0A)
    }

    static func appendValue(_ value: UnsafeBufferPointer<UInt8>, kind: ValueKind, to output: inout [UInt8]) {
        switch kind {
        case .number where isJSONNumber(value):
            output.append(contentsOf: value)
        case .boolean where value.count == 1 && (value[0] == UInt8(ascii: "t") || value[0] == UInt8(ascii: "f")):
            output.append(contentsOf: value[0] == UInt8(ascii: "t") ? Array("true".utf8) : Array("false".utf8))
        case .json where !value.isEmpty:
            output.append(contentsOf: value)
        default:
            appendString(value, to: &output)
        }
    }

    /// RFC 8259's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isJSONNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = text.count
        func digits() -> Int {
            let start = i
            while i < n && text[i] >= UInt8(ascii: "0") && text[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < n && text[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return false }
        if text[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            return false
        }
        if i < n && text[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        }
        if i < n && (text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) { i += 1 }
            if digits() == 0 { return false }
        }
        return i == n
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: `"` and `\` escaped, controls as `\n`-style or `\u00XX` escapes, all
    /// other bytes (valid UTF-8) as they are.
    static func appendString(_ value: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var start = 0
        for i in 0..<value.count {
            let byte = value[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: value[start..<i]))
            start = i + 1
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            default:
                output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                           hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: value[start...]))
        output.append(UInt8(ascii: "\""))
    }
}
