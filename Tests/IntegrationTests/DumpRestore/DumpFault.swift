import Foundation
import Testing

/// What makes a COPY of the fixture's dump fail (issue 10, item 6), so a restore meets a
/// `COPY ... FROM stdin;` the server refuses while the data lines follow it in the script.
enum DumpFault: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// The target database already holds `plain_nulls` with other columns: the dump's CREATE
    /// TABLE fails first, then its COPY (column "b" does not exist).
    case tableAlreadyThere
    /// The dump's COPY names a table nothing creates: the COPY is the first command that fails.
    case copyIntoMissingTable

    var testDescription: String { rawValue }

    /// SQL run in each target database before the restore.
    var prepare: String? {
        switch self {
        case .tableAlreadyThere: "create table plain_nulls (a int)"
        case .copyIntoMissingTable: nil
        }
    }

    /// The dump to restore: the one at `source`, or beside it a copy with the fault written in.
    func apply(toDumpAt source: String) throws -> String {
        switch self {
        case .tableAlreadyThere:
            return source
        case .copyIntoMissingTable:
            let text = try String(contentsOfFile: source, encoding: .utf8)
            let faulty = try #require(PlainDump.renamingCopy(of: "public.plain_nulls", to: "public.no_such_table", in: text),
                                      "the dump copies into public.plain_nulls")
            let path = (source as NSString).deletingLastPathComponent + "/\(rawValue).sql"
            try faulty.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }
}
