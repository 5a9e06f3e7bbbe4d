import CLibpq
import Foundation
import Synchronization

/// Makes a real local PostgreSQL accept each issued token as its role's password until the token
/// expires (`--pg-conninfo`), so integration tests see what Azure does: a fresh token logs in,
/// an expired one is refused.
///
/// One superuser connection, kept open and re-opened when lost; the lock serializes its use
/// because a libpq connection must not be shared by threads at the same time.
final class PostgresPasswordSetter: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let conninfo: String
    private let connection: Mutex<OpaquePointer?>

    /// Checks that the conninfo can only reach this machine; connects lazily on first use.
    init(conninfo: String) throws(Failure) {
        try PostgresPasswordSetter.requireLoopback(conninfo)
        self.conninfo = conninfo
        self.connection = Mutex(nil)
    }

    /// `CREATE ROLE` if missing, then `ALTER ROLE … LOGIN PASSWORD <token> VALID UNTIL <expiry>`.
    /// Retries once on a fresh connection when the old one turns out to be broken.
    func setPassword(role: String, token: String, validUntil expiry: Int) throws(Failure) {
        try connection.withLock { (current: inout OpaquePointer?) throws(Failure) in
            for attempt in 1...2 {
                let connection = try usableConnection(&current)
                do throws(Failure) {
                    try apply(connection, role: role, token: token, validUntil: expiry)
                    return
                } catch {
                    if attempt == 2 || PQstatus(connection) == CONNECTION_OK { throw error }
                    Log.info("PostgreSQL connection lost; reconnecting")
                }
            }
        }
    }

    func close() {
        connection.withLock { current in
            if let open = current { PQfinish(open) }
            current = nil
        }
    }

    // MARK: - Connection

    private func usableConnection(_ current: inout OpaquePointer?) throws(Failure) -> OpaquePointer {
        if let open = current, PQstatus(open) == CONNECTION_OK { return open }
        if let broken = current { PQfinish(broken) }
        current = nil
        let opened = try connect()
        current = opened
        return opened
    }

    /// The caller's conninfo, expanded, with a 10 s connect timeout unless it sets its own
    /// (later keywords win, and the conninfo comes last).
    private func connect() throws(Failure) -> OpaquePointer {
        let names: [String] = ["connect_timeout", "dbname"]
        let settings: [String] = ["10", conninfo]
        let keywords = names.map { strdup($0) } + [nil]
        let values = settings.map { strdup($0) } + [nil]
        defer { (keywords + values).forEach { free($0) } }
        let keywordPointers: [UnsafePointer<CChar>?] = keywords.map { $0.map { UnsafePointer($0) } }
        let valuePointers: [UnsafePointer<CChar>?] = values.map { $0.map { UnsafePointer($0) } }
        let connection = PQconnectdbParams(keywordPointers, valuePointers, 1)
        guard let connection else { throw Failure(description: "libpq could not allocate a connection") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = PostgresPasswordSetter.text(PQerrorMessage(connection))
            PQfinish(connection)
            throw Failure(description: "cannot connect to PostgreSQL: \(reason)")
        }
        // Bound every statement, and keep ALTER ROLE (which holds the token) out of server logs.
        for setting in ["SET statement_timeout = '15s'", "SET log_statement = 'none'",
                        "SET log_min_error_statement = 'panic'"] {
            PQclear(PQexec(connection, setting))
        }
        return connection
    }

    // MARK: - Statements

    private func apply(_ connection: OpaquePointer, role: String, token: String, validUntil expiry: Int) throws(Failure) {
        let identifier = try escaped(connection, role, PQescapeIdentifier)
        let roleLiteral = try escaped(connection, role, PQescapeLiteral)
        let exists = try execute(connection, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = \(roleLiteral)", token: token)
        if exists == 0 {
            _ = try execute(connection, "CREATE ROLE \(identifier) LOGIN", token: token)
            Log.info("created PostgreSQL role \(identifier)")
        }
        let password = try escaped(connection, token, PQescapeLiteral)
        let until = try escaped(connection, TimeFormat.iso8601UTC(expiry), PQescapeLiteral)
        _ = try execute(connection, "ALTER ROLE \(identifier) LOGIN PASSWORD \(password) VALID UNTIL \(until)", token: token)
    }

    /// Runs one statement; returns the row count. Errors carry only libpq's primary message,
    /// never the statement (which may hold the token), and any echo of the token is masked.
    private func execute(_ connection: OpaquePointer, _ sql: String, token: String) throws(Failure) -> Int {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            var reason = result.map { PostgresPasswordSetter.text(PQresultErrorField($0, Int32(UInt8(ascii: "M")))) } ?? ""
            if reason.isEmpty { reason = PostgresPasswordSetter.text(PQerrorMessage(connection)) }
            throw Failure(description: reason.replacingOccurrences(of: token, with: "<token>"))
        }
        return Int(PQntuples(result))
    }

    private func escaped(
        _ connection: OpaquePointer, _ text: String,
        _ escape: (OpaquePointer?, UnsafePointer<CChar>?, Int) -> UnsafeMutablePointer<CChar>?
    ) throws(Failure) -> String {
        guard let quoted = escape(connection, text, text.utf8.count) else {
            throw Failure(description: "cannot quote a value: \(PostgresPasswordSetter.text(PQerrorMessage(connection)))")
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// libpq's message on one line (its hints come on extra, tab-indented lines).
    private static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    // MARK: - Loopback only

    /// Refuses a conninfo that could reach another machine: every `host` must be a socket
    /// directory, `localhost` or a loopback address, and so must `hostaddr`. Values the conninfo
    /// leaves out are taken from PGHOST/PGHOSTADDR, as libpq would.
    static func requireLoopback(_ conninfo: String) throws(Failure) {
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &message) else {
            let reason = message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "invalid"
            if let message { PQfreemem(message) }
            throw Failure(description: "--pg-conninfo: \(reason)")
        }
        defer { PQconninfoFree(options) }
        var settings: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { settings[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        let environment = ProcessInfo.processInfo.environment
        let hosts = settings["host"] ?? environment["PGHOST"] ?? ""
        let addresses = settings["hostaddr"] ?? environment["PGHOSTADDR"] ?? ""
        for host in hosts.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let local = host.isEmpty || host.hasPrefix("/") || host.hasPrefix("@") || host == "localhost"
                || isLoopbackAddress(host)
            guard local else { throw Failure(description: "--pg-conninfo: host \(host) is not loopback") }
        }
        for address in addresses.split(separator: ",").map(String.init) where !isLoopbackAddress(address) {
            throw Failure(description: "--pg-conninfo: hostaddr \(address) is not loopback")
        }
    }

    private static func isLoopbackAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        let bare = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        if inet_pton(AF_INET6, bare, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { $0.dropLast().allSatisfy { $0 == 0 } && $0.last == 1 }
        }
        return false
    }
}
