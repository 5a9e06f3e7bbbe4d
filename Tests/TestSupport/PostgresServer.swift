import Foundation

/// A throwaway PostgreSQL on 127.0.0.1, of any release in `PostgresRelease.servers` (Debian's 15
/// unless asked): scram-sha-256 over TCP for the roles tokens sign in as, trust on its private
/// Unix socket for the emulator's superuser connection. initdb and postgres refuse root, so as
/// root they run as the `postgres` OS user.
package final class PostgresServer: @unchecked Sendable {
    package let release: PostgresRelease
    private let binaries: String
    package let port: Int
    package let socketDirectory: String
    private let root: TemporaryDirectory
    private let dataDirectory: String

    /// One server per test process, started on first use and stopped at exit; a failure to start
    /// (a missing or wrong reference) is thrown to each test that asks, with its message.
    package static let shared = Result { try PostgresServer() }

    package struct StartError: Error, CustomStringConvertible {
        package let description: String
    }

    /// Starts a server of `release`; with `tls`, SSL is on with that certificate and key (copied so
    /// that the postgres OS user owns them, as the server insists) and its CA trusted for client
    /// certificates. `hba` and `ident`, when given, replace initdb's pg_hba.conf and pg_ident.conf.
    /// `maxConnections` is the server's max_connections: 100, unless a test opens more at once.
    /// Throws ReferenceError when the release or the reference psql is missing or has the wrong version.
    package init(_ release: PostgresRelease = .debian15, tls: TestCertificates? = nil, hba: [String]? = nil, ident: [String]? = nil,
                maxConnections: Int = 100) throws {
        try release.verify("postgres")
        try References.verifyPsql()
        self.release = release
        binaries = release.binaries
        root = TemporaryDirectory(prefix: "pgentra-pg")
        dataDirectory = root.file("data")
        socketDirectory = root.makeDirectory("socket", mode: 0o755)
        port = ChildProcess.freePort()
        if Self.isRoot {
            chownToPostgres(root.path)
            chownToPostgres(socketDirectory)
        }
        let initdb = Self.run("\(binaries)/initdb", [
            "-D", dataDirectory, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
            "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
        ])
        guard initdb.status == 0 else { throw StartError(description: "initdb failed: \(initdb.stderr)") }
        // Written in place, so the files keep the postgres OS user as their owner.
        if let hba { try (hba.joined(separator: "\n") + "\n").write(toFile: "\(dataDirectory)/pg_hba.conf", atomically: false, encoding: .utf8) }
        if let ident { try (ident.joined(separator: "\n") + "\n").write(toFile: "\(dataDirectory)/pg_ident.conf", atomically: false, encoding: .utf8) }
        var settings = "-c listen_addresses=127.0.0.1 -c port=\(port) -c unix_socket_directories=\(socketDirectory) -c fsync=off -c max_connections=\(maxConnections) -c password_encryption=scram-sha-256 -c log_connections=on"
        if let tls {
            let certificate = "\(root.path)/server.crt"
            let key = "\(root.path)/server.key"
            let authority = "\(root.path)/ca.crt"
            try FileManager.default.copyItem(atPath: tls.serverCertificate, toPath: certificate)
            try FileManager.default.copyItem(atPath: tls.serverKey, toPath: key)
            try FileManager.default.copyItem(atPath: tls.caCertificate, toPath: authority)
            chmod(key, 0o600)
            if Self.isRoot {
                chownToPostgres(certificate)
                chownToPostgres(key)
                chownToPostgres(authority)
            }
            settings += " -c ssl=on -c ssl_cert_file=\(certificate) -c ssl_key_file=\(key) -c ssl_ca_file=\(authority)"
        }
        let start = Self.run("\(binaries)/pg_ctl", [
            "-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "start", "-o", settings,
        ])
        let data = dataDirectory
        let programs = binaries
        let directory = root.path
        // A shared server lives to the end of the test process, where no deinit runs: its
        // directory (some 40 MB) goes with it, or every run would leave one behind in /tmp.
        ExitCleanup.register(self) {
            Self.stop(dataDirectory: data, binaries: programs)
            try? FileManager.default.removeItem(atPath: directory)
        }
        guard start.status == 0 else {
            throw StartError(description: "pg_ctl start failed: \(start.stderr) \(serverLog)")
        }
    }

    /// The server's log, where connection attempts are recorded (log_connections).
    package var logFile: String { "\(root.path)/postgres.log" }
    /// The server's log, or why it could not be read: a failure's message should never lose
    /// the one clue it has.
    package var serverLog: String {
        do {
            return try String(contentsOfFile: logFile, encoding: .utf8)
        } catch {
            return "(the server log \(logFile) could not be read: \(error))"
        }
    }

    deinit {
        ExitCleanup.unregister(self)
        stop()
    }

    package func stop() {
        Self.stop(dataDirectory: dataDirectory, binaries: binaries)
    }

    private static func stop(dataDirectory: String, binaries: String) {
        _ = run("\(binaries)/pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
    }

    /// The superuser's connection string, over the private socket.
    package var superuserConninfo: String {
        "host=\(socketDirectory) port=\(port) user=postgres dbname=postgres"
    }

    /// Runs SQL as the superuser with the reference psql, in `database`.
    @discardableResult
    package func superuserSQL(_ sql: String, database: String = "postgres") -> ChildProcess.Result {
        ChildProcess.run(References.psql, ["-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql, superuserConninfo + " dbname=\(database)"],
                         environment: ["PATH": "/usr/bin:/bin", "PGCONNECT_TIMEOUT": "10"])
    }

    /// Runs a script as the superuser, each statement in a transaction of its own (as `psql -f`
    /// does; `-c` would run them as one, which CREATE TABLESPACE refuses).
    @discardableResult
    package func superuserScript(_ sql: String, database: String = "postgres") -> ChildProcess.Result {
        let script = root.write("superuser-\(UUID().uuidString).sql", sql, mode: 0o644)
        defer { unlink(script) }
        return ChildProcess.run(References.psql, ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", script, superuserConninfo + " dbname=\(database)"],
                                environment: ["PATH": "/usr/bin:/bin", "PGCONNECT_TIMEOUT": "10"])
    }

    /// Whether a query whose text matches `pattern` (LIKE) is running within 10 seconds: a
    /// client's query has reached the server, so a cancel or a kill meets it mid-flight.
    package func waitForQuery(like pattern: String) -> Bool {
        (0..<100).contains { _ in
            if superuserSQL("select count(*) from pg_stat_activity where query like '\(pattern)' and pid <> pg_backend_pid()").stdout == "1\n" {
                return true
            }
            usleep(100_000)
            return false
        }
    }

    static var isRoot: Bool { geteuid() == 0 }

    private func chownToPostgres(_ path: String) {
        _ = Self.runDirect("/bin/chown", ["postgres:postgres", path])
    }

    private static func run(_ executable: String, _ arguments: [String]) -> ChildProcess.Result {
        if isRoot {
            return runDirect("/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments)
        }
        return runDirect(executable, arguments)
    }

    private static func runDirect(_ executable: String, _ arguments: [String]) -> ChildProcess.Result {
        ChildProcess.run(executable, arguments, environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"], timeout: 120)
    }
}
