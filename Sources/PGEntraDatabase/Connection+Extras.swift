import CLibpq
import PGEntraSystem

/// What `\copy`, `\gdesc` and `\c` need from libpq beyond running queries.
extension Connection {
    /// Sends one piece of COPY FROM STDIN data.
    package func putCopyData(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) == 1 }
        }
    }

    /// Prepares `sql` unnamed and describes its result columns: (name, type OID, typmod), or the
    /// error result.
    package func describeColumns(_ sql: String) -> Result<[(name: String, type: UInt32, modifier: Int32)], QueryError> {
        guard let prepared = LosslessText.withCString(sql, { PQprepare(handle, "", $0, 0, nil) }) else { return .failure(QueryError(result: nil)) }
        let preparedResult = QueryResult(prepared)
        guard preparedResult.status != .error else { return .failure(QueryError(result: preparedResult)) }
        guard let described = PQdescribePrepared(handle, "") else { return .failure(QueryError(result: nil)) }
        let result = QueryResult(described)
        guard result.status != .error else { return .failure(QueryError(result: result)) }
        return .success((0..<Int32(result.columnCount)).map { index in
            (LosslessText.string(cString: PQfname(result.handle, index)), PQftype(result.handle, index), PQfmod(result.handle, index))
        })
    }

    /// A string as an SQL literal (PQescapeLiteral).
    package func literal(_ text: String) -> String {
        let bytes = LosslessText.bytes(of: text)
        let escaped = bytes.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { PQescapeLiteral(handle, $0.baseAddress, $0.count) }
        }
        guard let escaped else { return "''" }
        defer { PQfreemem(escaped) }
        return LosslessText.string(cString: escaped)
    }

    /// A name as an SQL identifier where it cannot be a parameter (`ALTER USER`, `DEALLOCATE`),
    /// quoted by libpq for the connection's encoding (PQescapeIdentifier); nil when it cannot
    /// be (bad bytes), with the reason in `errorMessage`.
    func identifier(_ text: String) -> String? {
        let bytes = LosslessText.bytes(of: text)
        let escaped = bytes.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { PQescapeIdentifier(handle, $0.baseAddress, $0.count) }
        }
        guard let escaped else { return nil }
        defer { PQfreemem(escaped) }
        return LosslessText.string(cString: escaped)
    }

    /// The address connected to (PQhostaddr), empty for a socket.
    package var hostAddress: String {
        PQhostaddr(handle).map { String(cString: $0) } ?? ""
    }

    /// The service file entry the connection came from: libpq 18's PQservice, read from the
    /// conninfo so that older libpq builds answer the same.
    package var service: String? {
        options.first { $0.0 == "service" }?.1
    }

    /// The connection's options as libpq holds them (PQconninfo), without the password or
    /// unset ones: what `\c` reuses.
    package var options: [(String, String)] {
        guard let info = PQconninfo(handle) else { return [] }
        defer { PQconninfoFree(info) }
        return ConninfoOption.list(info).compactMap { option in
            guard option.keyword != "password", let value = option.value else { return nil }
            return (option.keyword, value)
        }
    }
}

/// A failed internal query: its error result, or none when libpq gave nothing back.
package struct QueryError: Error {
    package let result: QueryResult?
}

extension Connection {
    /// `\encoding NAME` (PQsetClientEncoding).
    package func setClientEncoding(_ name: String) -> Bool {
        PQsetClientEncoding(handle, name) == 0
    }
}
