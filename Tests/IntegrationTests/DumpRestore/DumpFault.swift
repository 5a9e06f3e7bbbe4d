import Foundation
import Testing

/// What makes a COPY of the fixture's dump fail (issue 10, item 6), so a restore meets a
/// `COPY ... FROM stdin;` the server refuses while the data lines follow it in the script.
enum DumpFault: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// The target database already holds `plain_nulls` with other columns: the dump's CREATE
    /// TABLE fails first, then its COPY (column "b" does not exist), which never starts.
    case tableAlreadyThere
    /// The dump's COPY names a table nothing creates: the COPY is the first command that fails,
    /// and it never starts.
    case copyIntoMissingTable
    /// A data line of the COPY holds what its column cannot take: the COPY starts, takes the
    /// data up to `\.` and fails there.
    case badCopyData

    var testDescription: String { rawValue }

    /// SQL run in each target database before the restore.
    var prepare: String? {
        switch self {
        case .tableAlreadyThere: "create table plain_nulls (a int)"
        case .copyIntoMissingTable, .badCopyData: nil
        }
    }

    /// What psql's stderr says when the restore meets the fault (ON_ERROR_STOP or not): the
    /// test's premise.
    var failure: String {
        switch self {
        case .tableAlreadyThere: #"ERROR:  relation "plain_nulls" already exists"#
        case .copyIntoMissingTable: #"ERROR:  relation "public.no_such_table" does not exist"#
        case .badCopyData: #"ERROR:  invalid input syntax for type integer: "not a number""#
        }
    }

    /// A copy of the dump at `source`, written beside it, with the fault in it. For a server
    /// older than 17 the dump's `SET transaction_timeout = 0;` (pg_dump 17 and later write it)
    /// is left out, so that with ON_ERROR_STOP the restore gets as far as the fault.
    func apply(toDumpAt source: String, serverVersion: Int) throws -> String {
        var text = try String(contentsOfFile: source, encoding: .utf8)
        if serverVersion < 170000 {
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { $0 != "SET transaction_timeout = 0;" }.joined(separator: "\n")
        }
        switch self {
        case .tableAlreadyThere:
            break
        case .copyIntoMissingTable:
            text = try #require(PlainDump.renamingCopy(of: "public.plain_nulls", to: "public.no_such_table", in: text),
                                "the dump copies into public.plain_nulls")
        case .badCopyData:
            text = try #require(
                PlainDump.replacingFirstCopyLine(of: "public.plain_nulls", with: "not a number\t\\N\t\\N\t\\N", in: text),
                "the dump copies rows into public.plain_nulls")
        }
        let path = (source as NSString).deletingLastPathComponent + "/\(rawValue).sql"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
