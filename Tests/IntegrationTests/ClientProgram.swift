import Foundation
import TestSupport

/// One of issue 12's seed clients, as an application would use it: the programs in Tests/Clients
/// on the libraries scripts/install-deps --test installs (PyPI's psycopg2, psycopg 3 with
/// psycopg_pool and SQLAlchemy; Debian's node-pg, pgJDBC and HikariCP). Each takes its target
/// from libpq's environment, so `pgentra run` and the proxy are used exactly as a user would.
struct ClientProgram: Sendable, CustomStringConvertible {
    let description: String
    /// The argv before the mode (`once`, `pool SECONDS`, `many COUNT`).
    let command: [String]

    /// Where install-deps puts the Python and Node libraries.
    static let libraries = "\(References.directory)/clients-1"
    private static let python = ["/usr/bin/python3", SourceTree.path("Tests/Clients/python_client.py")]
    private static let jars = ["postgresql.jar", "HikariCP.jar", "slf4j-api.jar", "slf4j-nop.jar"].map { "/usr/share/java/\($0)" }

    static let psycopg2 = ClientProgram(description: "psycopg2", command: python + ["psycopg2"])
    static let psycopg = ClientProgram(description: "psycopg 3 (psycopg_pool)", command: python + ["psycopg"])
    static let sqlAlchemy = ClientProgram(description: "SQLAlchemy (psycopg2)", command: python + ["sqlalchemy"])
    static let nodePostgres = ClientProgram(description: "node-postgres", command: ["/usr/bin/node", SourceTree.path("Tests/Clients/node_client.js")])
    static let jdbc = ClientProgram(
        description: "pgJDBC (HikariCP)",
        command: ["/usr/bin/java", "-cp", jars.joined(separator: ":"), SourceTree.path("Tests/Clients/JdbcClient.java")])

    /// The argv under `pgentra run`, whose target is the server's name. libpq's clients (the
    /// Python ones) connect to PGHOSTADDR and verify the certificate against PGHOST, so they
    /// run without nss_wrapper, whose getaddrinfo corrupts the heap of a client resolving from
    /// several threads at once (psycopg_pool aborted once in CI with it). node-postgres and
    /// pgJDBC resolve the name themselves, so they keep it.
    var commandUnderRun: [String] {
        guard command[0] == Self.python[0] else { return command }
        return ["/usr/bin/env", "-u", "LD_PRELOAD", "-u", "NSS_WRAPPER_HOSTS", "PGHOSTADDR=127.0.0.1"] + command
    }

    /// Every one, each with a pool of its own (psycopg2's ThreadedConnectionPool, psycopg_pool,
    /// SQLAlchemy's QueuePool, pg.Pool, HikariCP).
    static let all = [psycopg2, psycopg, sqlAlchemy, nodePostgres, jdbc]

    /// What the programs need found: the libraries' paths, and the test CA for node-postgres,
    /// which trusts Node's own roots, not PGSSLROOTCERT.
    static func environment(certificateAuthority: String) -> [String: String] {
        ["PYTHONPATH": "\(libraries)/python", "NODE_PATH": "\(libraries)/node", "NODE_EXTRA_CA_CERTS": certificateAuthority]
    }

    /// Throws the one clear message when a library is missing.
    static func verify() throws {
        let needed = ["\(libraries)/.complete", "/usr/bin/python3", "/usr/bin/node", "/usr/bin/java"] + jars
        if let missing = needed.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            throw ReferenceError(description: "the client library file \(missing) is missing: run scripts/install-deps --test")
        }
    }

    /// The JSON objects a program printed, one per line.
    static func objects(_ output: String) -> [[String: Any]] {
        output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}
