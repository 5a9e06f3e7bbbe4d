import PGEntraDatabase
import PGEntraOutput

/// The table `\conninfo` prints (psql 18's exec_command_conninfo): a "Connection Information"
/// table of Parameter and Value through the session's printer, so `\o`, `\pset` and `-L` apply.
/// psql's rows come first, in psql's order and words; a session signed in with Microsoft Entra
/// ID adds its identity and token rows after them.
struct ConnectionInformation {
    static let title = "Connection Information"
    static let columns = [
        TableColumn(name: "Parameter", typeOID: 25, alignment: .left),
        TableColumn(name: "Value", typeOID: 25, alignment: .left),
    ]

    /// (parameter, value) in print order.
    var rows: [(String, String)] = []

    /// psql's rows for `connection`.
    init(_ connection: Connection) {
        let host = connection.host
        let address = connection.hostAddress
        rows.append(("Database", connection.database))
        rows.append(("Client User", connection.user))
        // psql's is_unixsock_path: an absolute path, or Linux's abstract namespace.
        if host.hasPrefix("/") || host.hasPrefix("@") {
            // A hostaddr given with a socket directory is what libpq connects to.
            rows.append(address.isEmpty ? ("Socket Directory", host) : ("Host Address", address))
        } else {
            rows.append(("Host", host))
            if !address.isEmpty && address != host { rows.append(("Host Address", address)) }
        }
        rows.append(("Server Port", connection.port))
        rows.append(("Options", connection.commandLineOptions))
        rows.append(("Protocol Version", connection.protocolVersionText))
        rows.append(("Password Used", connection.usedPassword ? "true" : "false"))
        rows.append(("GSSAPI Authenticated", connection.usedGSSAPI ? "true" : "false"))
        rows.append(("Backend PID", String(connection.backendPID)))
        rows.append(("SSL Connection", connection.usesSSL ? "true" : "false"))
        if connection.usesSSL {
            rows.append(("SSL Library", connection.sslAttribute("library") ?? "unknown"))
            rows.append(("SSL Protocol", connection.sslAttribute("protocol") ?? "unknown"))
            rows.append(("SSL Key Bits", connection.sslAttribute("key_bits") ?? "unknown"))
            rows.append(("SSL Cipher", connection.sslAttribute("cipher") ?? "unknown"))
            let compression = connection.sslAttribute("compression")
            rows.append(("SSL Compression", compression != nil && compression != "off" ? "true" : "false"))
            let alpn = connection.sslAttribute("alpn") ?? ""
            rows.append(("ALPN", alpn.isEmpty ? "none" : alpn))
        }
        rows.append(("Superuser", connection.parameterStatus("is_superuser") ?? "unknown"))
        rows.append(("Hot Standby", connection.parameterStatus("in_hot_standby") ?? "unknown"))
    }

    /// The rows as the printer takes them.
    var cells: StringRows {
        StringRows(rows.map { [$0.0, $0.1] }, columnCount: 2)
    }
}
