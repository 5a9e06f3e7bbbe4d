import Testing
@testable import PGEntraShell

/// The catalog listings pick their SQL by server version as psql 18's describe.c does
/// (listAllDbs, describeRoles, describeRoleGrants, describeFunctions, listSchemas,
/// listExtensions, describeTablespaces, describeTypes, printACLColumn), for servers back to 11.
@Suite struct DescribeCatalogQueriesTests {
    static let versions = [110000, 120000, 130000, 140000, 150000, 160000, 170000, 180000]

    func context(_ version: Int) -> DescribeQueries.Context {
        var context = DescribeQueries.Context(database: "d")
        context.serverVersion = version
        return context
    }

    @Test("listAllDbs in psql 18's describe.c: locale columns by server version", arguments: versions)
    func databasesFollowListAllDbs(_ version: Int) throws {
        let sql = try DescribeQueries.listDatabases(pattern: nil, verbose: false, context: context(version))
        let provider = sql.contains("  CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\",\n")
        #expect(provider == (version >= 150000), "\(sql)")
        #expect(sql.contains("  'libc' AS \"Locale Provider\",\n") == (version < 150000), "\(sql)")
        #expect(sql.contains("  d.datlocale as \"Locale\",\n") == (version >= 170000), "\(sql)")
        #expect(sql.contains("  d.daticulocale as \"Locale\",\n") == (150000..<170000).contains(version), "\(sql)")
        #expect(sql.contains("  NULL as \"Locale\",\n") == (version < 150000), "\(sql)")
        #expect(sql.contains("  d.daticurules as \"ICU Rules\",\n") == (version >= 160000), "\(sql)")
        #expect(sql.contains("  NULL as \"ICU Rules\",\n") == (version < 160000), "\(sql)")
        #expect(sql.hasSuffix("""
              CASE WHEN pg_catalog.array_length(d.datacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(d.datacl, E'\\n') END AS "Access privileges"
            FROM pg_catalog.pg_database d
            ORDER BY 1;
            """), "\(sql)")
    }

    @Test("listAllDbs in psql 18's describe.c: \\l+ text as psql 18.6 sends it to a 18 server")
    func databasesVerboseMatchPsql18() throws {
        let sql = try DescribeQueries.listDatabases(pattern: "x*", verbose: true, context: context(180000))
        #expect(sql == """
            SELECT
              d.datname as "Name",
              pg_catalog.pg_get_userbyid(d.datdba) as "Owner",
              pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding",
              CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS "Locale Provider",
              d.datcollate as "Collate",
              d.datctype as "Ctype",
              d.datlocale as "Locale",
              d.daticurules as "ICU Rules",
              CASE WHEN pg_catalog.array_length(d.datacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(d.datacl, E'\\n') END AS "Access privileges",
              CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')
                   OR pg_catalog.pg_has_role('pg_read_all_stats', 'USAGE')
                   THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname))
                   ELSE 'No Access'
              END as "Size",
              t.spcname as "Tablespace",
              pg_catalog.shobj_description(d.oid, 'pg_database') as "Description"
            FROM pg_catalog.pg_database d
              JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid
            WHERE d.datname OPERATOR(pg_catalog.~) '^(x.*)$' COLLATE pg_catalog.default
            ORDER BY 1;
            """)
    }

    @Test("describeRoles in psql 18's describe.c: no memberof on any server", arguments: versions)
    func rolesHaveNoMemberOf(_ version: Int) throws {
        let sql = try DescribeQueries.listRoles(pattern: nil, verbose: true, system: false, context: context(version))
        #expect(sql == """
            SELECT r.rolname, r.rolsuper, r.rolinherit,
              r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
              r.rolconnlimit, r.rolvaliduntil
            , pg_catalog.shobj_description(r.oid, 'pg_authid') AS description
            , r.rolreplication
            , r.rolbypassrls
            FROM pg_catalog.pg_roles r
            WHERE r.rolname !~ '^pg_'
            ORDER BY 1;
            """)
    }

    @Test("describeRoleGrants in psql 18's describe.c: per-grant INHERIT and SET from 16", arguments: versions)
    func roleGrantsFollowDescribeRoleGrants(_ version: Int) throws {
        let sql = try DescribeQueries.listRoleGrants(pattern: nil, system: false, context: context(version))
        let options = version >= 160000
            ? "    CASE WHEN pam.inherit_option THEN 'INHERIT' END,\n    CASE WHEN pam.set_option THEN 'SET' END\n"
            : "    CASE WHEN m.rolinherit THEN 'INHERIT' END,\n    'SET'\n"
        #expect(sql == """
            SELECT m.rolname AS "Role name", r.rolname AS "Member of",
              pg_catalog.concat_ws(', ',
                CASE WHEN pam.admin_option THEN 'ADMIN' END,
            \(options)  ) AS "Options",
              g.rolname AS "Grantor"
            FROM pg_catalog.pg_roles m
                 JOIN pg_catalog.pg_auth_members pam ON (pam.member = m.oid)
                 LEFT JOIN pg_catalog.pg_roles r ON (pam.roleid = r.oid)
                 LEFT JOIN pg_catalog.pg_roles g ON (pam.grantor = g.oid)
            WHERE m.rolname !~ '^pg_'
            ORDER BY 1, 2, 4;

            """)
    }

    @Test("describeRoleGrants in psql 18's describe.c: a pattern replaces the system filter")
    func roleGrantsPattern() throws {
        let sql = try DescribeQueries.listRoleGrants(pattern: "al*", system: false, context: context(180000))
        #expect(sql.hasSuffix("""
            WHERE m.rolname OPERATOR(pg_catalog.~) '^(al.*)$' COLLATE pg_catalog.default
            ORDER BY 1, 2, 4;

            """), "\(sql)")
        #expect(!sql.contains("'^pg_'"))
    }

    @Test("listDbRoleSettings in psql 18's describe.c: the database pattern joins the role pattern's WHERE")
    func roleSettingsPatterns() throws {
        let both = try DescribeQueries.listRoleSettings(rolePattern: "alice", databasePattern: "post*", context: context(150000))
        #expect(both == """
            SELECT rolname AS "Role", datname AS "Database",
            pg_catalog.array_to_string(setconfig, E'\\n') AS "Settings"
            FROM pg_catalog.pg_db_role_setting s
            LEFT JOIN pg_catalog.pg_database d ON d.oid = setdatabase
            LEFT JOIN pg_catalog.pg_roles r ON r.oid = setrole
            WHERE r.rolname OPERATOR(pg_catalog.~) '^(alice)$' COLLATE pg_catalog.default
              AND d.datname OPERATOR(pg_catalog.~) '^(post.*)$' COLLATE pg_catalog.default
            ORDER BY 1, 2;
            """)
        let databaseOnly = try DescribeQueries.listRoleSettings(rolePattern: "*", databasePattern: "xdb", context: context(150000))
        #expect(databaseOnly.hasSuffix("WHERE d.datname OPERATOR(pg_catalog.~) '^(xdb)$' COLLATE pg_catalog.default\nORDER BY 1, 2;"), "\(databaseOnly)")
    }

    @Test("describeFunctions in psql 18's describe.c: prokind, Leakproof? and Internal name on every server from 11", arguments: versions)
    func functionsFollowDescribeFunctions(_ version: Int) throws {
        let sql = try DescribeQueries.listFunctions(letters: "", pattern: nil, verbose: true, system: false, context: context(version))
        #expect(sql.contains(" CASE p.prokind\n  WHEN 'a' THEN 'agg'\n"), "\(sql)")
        #expect(sql.contains("""
             CASE WHEN prosecdef THEN 'definer' ELSE 'invoker' END AS "Security",
             CASE WHEN p.proleakproof THEN 'yes' ELSE 'no' END as "Leakproof?",
             CASE WHEN pg_catalog.array_length(p.proacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(p.proacl, E'\\n') END AS "Access privileges",
             l.lanname as "Language",
             CASE WHEN l.lanname IN ('internal', 'c') THEN p.prosrc END as "Internal name",
             pg_catalog.obj_description(p.oid, 'pg_proc') as "Description"
            FROM pg_catalog.pg_proc p
            """), "\(sql)")
        #expect(!sql.contains("Source code"))
        let normal = try DescribeQueries.listFunctions(letters: "n", pattern: nil, verbose: false, system: false, context: context(version))
        #expect(normal.contains("WHERE p.prokind <> 'a'\n      AND p.prokind <> 'p'\n"), "\(normal)")
    }

    @Test("listSchemas in psql 18's describe.c: publications footer query from server 15", arguments: versions)
    func schemaPublicationsFromFifteen(_ version: Int) throws {
        let footer = DescribeQueries.schemaPublications(pattern: "public", context: context(version))
        #expect((footer != nil) == (version >= 150000))
        let sql = try DescribeQueries.listSchemas(pattern: nil, verbose: true, system: false, context: context(version))
        #expect(sql.contains("  CASE WHEN pg_catalog.array_length(n.nspacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(n.nspacl, E'\\n') END AS \"Access privileges\",\n"), "\(sql)")
    }

    @Test("listExtensions in psql 18's describe.c: Default version column", arguments: versions)
    func extensionsShowDefaultVersion(_ version: Int) throws {
        let sql = try DescribeQueries.listExtensions(pattern: nil, context: context(version))
        #expect(sql.hasPrefix("SELECT e.extname AS \"Name\", e.extversion AS \"Version\", ae.default_version AS \"Default version\",n.nspname AS \"Schema\", d.description AS \"Description\"\n"), "\(sql)")
        #expect(sql.contains(" LEFT JOIN pg_catalog.pg_available_extensions() ae(name, default_version, comment) ON ae.name = e.extname\nORDER BY 1;"), "\(sql)")
    }

    @Test("describeTablespaces and describeTypes in psql 18's describe.c: printACLColumn's (none)", arguments: versions)
    func tablespacesAndTypesUsePrintACLColumn(_ version: Int) throws {
        let spaces = try DescribeQueries.listTablespaces(pattern: nil, verbose: true, context: context(version))
        #expect(spaces.contains("  CASE WHEN pg_catalog.array_length(spcacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(spcacl, E'\\n') END AS \"Access privileges\",\n  spcoptions"), "\(spaces)")
        let types = try DescribeQueries.listTypes(pattern: nil, verbose: true, system: false, context: context(version))
        #expect(types.contains("""
              pg_catalog.pg_get_userbyid(t.typowner) AS "Owner",
            CASE WHEN pg_catalog.array_length(t.typacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(t.typacl, E'\\n') END AS "Access privileges",
                pg_catalog.obj_description(t.oid, 'pg_type') as "Description"
            """), "\(types)")
    }
}

/// Which catalog listing names the shell takes, as psql 18's command.c does.
@Suite struct DescribeCatalogCommandNamesTests {
    @Test("exec_command_list in psql 18's command.c: \\l takes + and x once each", arguments: [
        ("l", true), ("list", true), ("l+", true), ("lx", true), ("l+x", true), ("lx+", true), ("listx+", true),
        ("lxx", false), ("lz", false), ("l++", false),
    ])
    func databaseListingNames(_ name: String, _ accepted: Bool) {
        #expect(ListingCommand.key(for: name) == (accepted ? "l" : nil))
    }

    @Test("exec_command_d in psql 18's command.c: what follows the letter", arguments: [
        ("drg", true), ("drgS+", true), ("drds", true), ("drdsx", true), ("drd", false), ("drgx", true), ("drgq", true), ("dr", false), ("drx", false),
        ("dnq", true), ("duzz", true), ("dxqx", true), ("dTxS", true),
        ("dfx+", true), ("dfaz", true), ("dfz", false), ("dfS", true),
    ])
    func catalogListingNames(_ name: String, _ accepted: Bool) {
        #expect((ListingCommand.key(for: name) != nil) == accepted)
    }
}
