import CLibpq

/// The host and user a connection will use, worked out the way libpq does for the parts pgentra
/// needs before connecting: the host picks the token's scope, the user overrides the derived role.
package struct ConnectionTarget: Sendable, Equatable {
    package var host: String?
    /// The user and where it was given.
    package var user: (name: String, source: UserSource)?

    package enum UserSource: Sendable, Equatable {
        case option, connectionString, environment
    }

    package static func == (lhs: ConnectionTarget, rhs: ConnectionTarget) -> Bool {
        lhs.host == rhs.host && lhs.user?.name == rhs.user?.name && lhs.user?.source == rhs.user?.source
    }

    package struct Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        let message: String
        package var description: String { message }
    }

    /// Precedence as psql's: the conninfo/URI in `-d` is expanded after `-h`/`-U` and overrides
    /// them, then the PG* variables fill what is still unset.
    package init(host: String?, username: String?, dbname: String?, pgHost: String?, pgUser: String?) throws(Invalid) {
        var conninfoHost: String?
        var conninfoUser: String?
        if let dbname, Self.isConnectionString(dbname) {
            let parsed = try Self.parse(dbname)
            conninfoHost = parsed["host"] ?? parsed["hostaddr"]
            conninfoUser = parsed["user"]
        }
        self.host = conninfoHost ?? host ?? pgHost
        if let conninfoUser {
            user = (conninfoUser, .connectionString)
        } else if let username {
            user = (username, .option)
        } else if let pgUser {
            user = (pgUser, .environment)
        } else {
            user = nil
        }
    }

    /// libpq's rule (`recognized_connection_string`): a URI prefix or an `=` anywhere.
    package static func isConnectionString(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") || text.contains("=")
    }

    /// Every keyword libpq found in `conninfo` that has a value.
    static func parse(_ conninfo: String) throws(Invalid) -> [String: String] {
        do throws(ConninfoOption.ParseFailure) {
            return try ConninfoOption.parse(conninfo)
        } catch {
            throw Invalid(message: "invalid connection string: " + error.message.trimmingWhitespace())
        }
    }
}
