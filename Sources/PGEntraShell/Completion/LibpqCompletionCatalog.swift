import PGEntraDatabase
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// Catalog names for Tab completion read through the session's own connection, as psql does.
/// Completion must never cost the session: nothing is sent unless the connection is idle (or
/// in a healthy transaction, where the query runs under a savepoint), parameters travel out of
/// band, an error offers nothing, and a query that has not answered within `timeout` is
/// cancelled and abandoned.
final class LibpqCompletionCatalog: CompletionCatalog {
    private let connection: () -> Connection?
    /// Called when a completion query found the connection gone: psql resets it right there
    /// (PSQLexec's CheckConnection), and so does the shell.
    private let lost: (Connection) -> Void
    /// How long Tab may wait for the server, in milliseconds: a second (issue 14), then the
    /// query is cancelled and Tab offers nothing. psql's _complete_from_query has no deadline;
    /// it leaves a Tab on a locked catalog hanging until the lock goes.
    let timeout: Int32

    init(timeout: Int32 = 1000, connection: @escaping () -> Connection?, lost: @escaping (Connection) -> Void) {
        self.connection = connection
        self.lost = lost
        self.timeout = timeout
    }

    func names(_ query: CatalogQuery) -> [String]? {
        let (sql, parameters) = Self.statement(query)
        return fetch(sql, parameters)
    }

    // MARK: The queries (read whole and cached, then filtered by the typed word here, where
    // psql's filter each time on the server; psql's own lists are NamedQuery and SchemaList)

    static func statement(_ query: CatalogQuery) -> (String, [String]) {
        switch query {
        case .relations(let kinds, let schema):
            let kindList = kinds.letters.map { "'\($0)'" }.joined(separator: ",")
            let base = "SELECT pg_catalog.quote_ident(c.relname) FROM pg_catalog.pg_class c WHERE c.relkind IN (\(kindList))"
            // The visible ones, pg_catalog's left out: TabCompleter.qualified adds them for `pg_`.
            guard let schema else {
                return (base + " AND pg_catalog.pg_table_is_visible(c.oid) AND c.relnamespace <> 'pg_catalog'::pg_catalog.regnamespace", [])
            }
            return (base + " AND c.relnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = $1)", [identifier(schema)])
        case .columns(let relations):
            var conditions: [String] = []
            var parameters: [String] = []
            for relation in relations {
                let name = QuotedIdentifier(parsing: relation)
                parameters.append(name.object)
                if let schema = name.schema {
                    parameters.append(schema)
                    conditions.append("(c.relname = $\(parameters.count - 1) AND n.nspname = $\(parameters.count))")
                } else {
                    conditions.append("(c.relname = $\(parameters.count) AND pg_catalog.pg_table_is_visible(c.oid))")
                }
            }
            return ("""
                SELECT DISTINCT pg_catalog.quote_ident(a.attname) FROM pg_catalog.pg_attribute a \
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
                WHERE a.attnum > 0 AND NOT a.attisdropped AND (\(conditions.isEmpty ? "false" : conditions.joined(separator: " OR ")))
                """, parameters)
        case .functions(let schema):
            let base = "SELECT DISTINCT pg_catalog.quote_ident(p.proname) FROM pg_catalog.pg_proc p"
            guard let schema else { return (base + " WHERE pg_catalog.pg_function_is_visible(p.oid)", []) }
            return (base + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1", [identifier(schema)])
        case .functionSignatures:
            return ("""
                SELECT pg_catalog.quote_ident(p.proname) || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' \
                FROM pg_catalog.pg_proc p WHERE pg_catalog.pg_function_is_visible(p.oid) AND p.prokind <> 'p'
                """, [])
        case .schemas:
            return ("""
                SELECT pg_catalog.quote_ident(nspname) FROM pg_catalog.pg_namespace
                """, [])
        case .roles: return ("SELECT pg_catalog.quote_ident(rolname) FROM pg_catalog.pg_roles", [])
        case .databases: return ("SELECT pg_catalog.quote_ident(datname) FROM pg_catalog.pg_database", [])
        case .settings(let settable):
            return ("SELECT pg_catalog.lower(name) FROM pg_catalog.pg_settings" + (settable ? " WHERE context IN ('user', 'superuser')" : ""), [])
        case .extensions: return ("SELECT pg_catalog.quote_ident(extname) FROM pg_catalog.pg_extension", [])
        case .tablespaces: return ("SELECT pg_catalog.quote_ident(spcname) FROM pg_catalog.pg_tablespace", [])
        case .publications: return ("SELECT pg_catalog.quote_ident(pubname) FROM pg_catalog.pg_publication", [])
        case .named(let query, let reference):
            // The server refuses parameters a statement does not use: `$1` takes the
            // reference's name (psql's completion_ref_object), `$2` its schema, '' for none.
            guard let reference, query.sql.contains("$1") else { return (query.sql, []) }
            let name = QuotedIdentifier(parsing: reference)
            return (query.sql, query.sql.contains("$2") ? [name.object, name.schema ?? ""] : [name.object])
        case .schemaList(let list, let schema):
            guard let schema else { return (list.sql(qualified: false), []) }
            return (list.sql(qualified: true), [identifier(schema)])
        case .settingType(let name):
            return ("SELECT vartype FROM pg_catalog.pg_settings WHERE pg_catalog.lower(name) = pg_catalog.lower($1)", [name])
        case .settingValues(let name):
            return ("""
                SELECT DISTINCT pg_catalog.quote_ident(val) FROM (SELECT name, pg_catalog.unnest(enumvals) AS val \
                FROM pg_catalog.pg_settings) ss WHERE pg_catalog.lower(name) = pg_catalog.lower($1)
                """, [name])
        case .timeZones: return ("SELECT name FROM pg_catalog.pg_timezone_names()", [])
        case .enumLabels(let type):
            let (condition, parameters) = inSchema(type, name: "t.typname", namespace: "t.typnamespace", visible: "pg_catalog.pg_type_is_visible(t.oid)")
            return ("""
                SELECT pg_catalog.quote_literal(e.enumlabel) FROM pg_catalog.pg_enum e \
                JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid WHERE \(condition) ORDER BY e.enumsortorder
                """, parameters)
        }
    }

    /// The condition that picks an object named as typed: `name = $1` and, for a qualified name,
    /// its schema (`$2`), else the visibility test — psql's refname, refnamespace and
    /// refviscondition of a SchemaQuery with a completion reference.
    private static func inSchema(_ typed: String, name: String, namespace: String, visible: String) -> (String, [String]) {
        let typedName = QuotedIdentifier(parsing: typed)
        guard let schema = typedName.schema else { return ("\(name) = $1 AND \(visible)", [typedName.object]) }
        return ("\(name) = $1 AND \(namespace) = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = $2)",
                [typedName.object, schema])
    }

    /// One name as the server stores it (psql's parse_identifier, QuotedIdentifier): quotes
    /// removed, unquoted ASCII letters folded to lower case, a schema before it dropped.
    static func identifier(_ text: String) -> String {
        QuotedIdentifier(parsing: text).object
    }

    // MARK: Talking to the server without ever blocking the prompt for long

    private func fetch(_ sql: String, _ parameters: [String]) -> [String]? {
        guard let connection = connection(), connection.isOK else { return nil }
        let names = connection.sideQuery(sql, parameters: parameters, timeout: timeout)
        if !connection.isOK { lost(connection) }
        return names
    }
}
