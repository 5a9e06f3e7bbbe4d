import TestSupport

/// Databases a test creates on a differential server, owned by the test role, and drops again
/// (with FORCE, so a connection a failed program left behind cannot keep one alive).
final class ScratchDatabases {
    let server: DifferentialServer
    let prefix: String
    private(set) var names: [String] = []

    init(on server: DifferentialServer, prefix: String) {
        self.server = server
        self.prefix = prefix
    }

    /// A fresh, empty database named `prefix_suffix` in lower case (the name goes unquoted into
    /// CREATE DATABASE, which folds it, and as it is to `-d`), dropped first if an earlier run
    /// left it.
    func create(_ suffix: String) throws -> String {
        let name = name(suffix)
        drop(name)
        let created = server.postgres.superuserSQL("create database \(name) owner \"\(DifferentialServer.role)\"")
        guard created.status == 0 else {
            throw RoleDatabase.SetupError(description: "create database \(name): \(created.stderr)")
        }
        names.append(name)
        return name
    }

    /// The name `create(suffix)` gives, which a dump made with `pg_dump -C` creates again.
    func name(_ suffix: String) -> String {
        "\(prefix)_\(suffix)".lowercased()
    }

    func drop(_ name: String) {
        server.postgres.superuserSQL("drop database if exists \(name) with (force)")
    }

    func dropAll() {
        names.forEach(drop)
        names = []
    }
}
