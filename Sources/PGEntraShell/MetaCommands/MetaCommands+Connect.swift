import PGEntraDatabase
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `\c`/`\connect` (psql's do_connect). Every new connection goes through the session's
/// Connector, so it signs in with a token from the provider, never a reused password.
extension MetaCommands {
    func connect(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        var reuse: Bool?
        var first = Self.connectArgument(&arguments)
        let prefix = "-reuse-previous="
        if let option = first, option.hasPrefix(prefix) {
            let value = String(option.dropFirst(prefix.count))
            guard let parsed = Variables.parseBoolean(value) else {
                session.error("unrecognized value \"\(value)\" for \"-reuse-previous\": Boolean expected", at: location)
                return .failed
            }
            reuse = parsed
            first = Self.connectArgument(&arguments)
        }
        let user = Self.connectArgument(&arguments)
        let host = Self.connectArgument(&arguments)
        let port = Self.connectArgument(&arguments)
        let isConnectionString = first.map(ConnectionTarget.isConnectionString) ?? false
        if isConnectionString && (user != nil || host != nil || port != nil) {
            session.error("Do not give user, host, or port separately when using a connection string", at: location)
            return .failed
        }
        let old = session.connection
        let parameters = Self.parameters(
            reusing: (reuse ?? !isConnectionString) ? old?.options ?? session.lastOptions : nil,
            dbname: first, user: user, host: host, port: port,
            terminalEncoding: session.environment["PGCLIENTENCODING"] == nil && isatty(0) == 1 && isatty(1) == 1)
        let connection: Connection
        do throws(ConnectionError) {
            connection = try session.connector.connect(parameters)
        } catch {
            if session.interactive {
                session.report(error.description, at: nil)
                if old != nil { session.report("Previous connection kept", at: nil) }
                return .failed
            }
            session.error("\\connect: \(error.description)", at: location)
            if let old { session.lastOptions = old.options }
            session.connection = nil
            // psql ends the script: status 2, or 3 when ON_ERROR_STOP stops it first.
            session.connectionLost = !session.variables.bool("ON_ERROR_STOP")
            return .failed
        }
        session.connection = connection
        session.attach(connection)
        if !session.variables.bool("QUIET") {
            session.output.flush()
            session.printStandard(Self.connectedMessage(connection, old: old))
        }
        return .ok
    }

    /// psql's read_connect_arg: `-` or an empty unquoted argument keeps the old value.
    private static func connectArgument(_ arguments: inout ArgumentReader) -> String? {
        guard let argument = arguments.scanner.metaCommandArgument(
            .sqlIdentifierKeepingCase, stripTrailingSemicolons: true, variables: arguments.session.variables,
            shell: arguments.runShell) else { return nil }
        if argument.quoting != nil { return argument.text }
        return argument.text.isEmpty || argument.text == "-" ? nil : argument.text
    }

    static func parameters(
        reusing options: [(String, String)]?, dbname: String?, user: String?, host: String?, port: String?,
        terminalEncoding: Bool
    ) -> ConnectionParameters {
        guard var keywords = options else {
            return ConnectionParameters(
                host: host, port: port, user: user, dbname: dbname,
                terminalEncoding: terminalEncoding)
        }
        func replace(_ name: String, _ value: String?) {
            guard let value else { return }
            keywords.removeAll { $0.0 == name }
            keywords.append((name, value))
        }
        if let host, host != keywords.first(where: { $0.0 == "host" })?.1 {
            keywords.removeAll { $0.0 == "hostaddr" }
        }
        replace("host", host)
        replace("port", port)
        replace("user", user)
        if let dbname, ConnectionTarget.isConnectionString(dbname) {
            keywords.removeAll { $0.0 == "dbname" }
            keywords.append(("dbname", dbname))
        } else {
            replace("dbname", dbname)
        }
        return ConnectionParameters(keywords: keywords)
    }

    static func connectedMessage(_ connection: Connection, old: Connection?) -> String {
        let who = "You are now connected to database \"\(connection.database)\" as user \"\(connection.user)\""
        let host = connection.host
        let port = connection.port
        func newlySet(_ old: String?, _ new: String) -> Bool { old == nil || old != new }
        guard old == nil || newlySet(old?.host, host) || newlySet(old?.port, port) else { return who + ".\n" }
        return who + place(of: connection) + ".\n"
    }

    /// ` on host "h" (address "a") at port "p"` and its socket forms, as `\c` and `\conninfo` say it.
    static func place(of connection: Connection) -> String {
        let (host, port, address) = (connection.host, connection.port, connection.hostAddress)
        if host.hasPrefix("/") {
            if !address.isEmpty { return " on address \"\(address)\" at port \"\(port)\"" }
            return " via socket in \"\(host)\" at port \"\(port)\""
        }
        if !address.isEmpty && address != host {
            return " on host \"\(host)\" (address \"\(address)\") at port \"\(port)\""
        }
        return " on host \"\(host)\" at port \"\(port)\""
    }
}
