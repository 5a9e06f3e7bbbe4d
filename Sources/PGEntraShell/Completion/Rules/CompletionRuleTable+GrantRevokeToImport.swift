extension CompletionRuleTable {
    /// tab-complete.c, from the GRANT and REVOKE rules through IMPORT FOREIGN SCHEMA's
    /// `LIMIT TO (...)`: GRANT, REVOKE (also inside CREATE SCHEMA and ALTER DEFAULT
    /// PRIVILEGES), GROUP BY, IMPORT FOREIGN SCHEMA.
    static let grantRevokeToImport: [CompletionRule] = [
        // GRANT and REVOKE are allowed inside CREATE SCHEMA and ALTER DEFAULT PRIVILEGES, so
        // use TailMatches

        // Complete GRANT/REVOKE with a list of roles and privileges
        CompletionRule(
            .tailMatches("GRANT|REVOKE"),
            .tailMatches("REVOKE", "ADMIN|GRANT|INHERIT|SET", "OPTION", "FOR"),
            offer: .body { c in
                // With ALTER DEFAULT PRIVILEGES, restrict completion to grantable privileges
                // (can't grant roles)
                if c.headMatches("ALTER", "DEFAULT", "PRIVILEGES") {
                    if c.tailMatches("GRANT") || c.tailMatches("REVOKE", "GRANT", "OPTION", "FOR") {
                        return c.with(defaultPrivileges)
                    } else if c.tailMatches("REVOKE") {
                        return c.with(defaultPrivileges + ["GRANT OPTION FOR"])
                    }
                    return nil
                } else if c.tailMatches("GRANT") {
                    return c.query(.roles, plus: privilegeOptionsOfGrantAndRevoke)
                } else if c.tailMatches("REVOKE") {
                    return c.query(.roles, plus: privilegeOptionsOfGrantAndRevoke
                                   + ["GRANT OPTION FOR", "ADMIN OPTION FOR", "INHERIT OPTION FOR", "SET OPTION FOR"])
                } else if c.tailMatches("REVOKE", "GRANT", "OPTION", "FOR") {
                    return c.with(privilegeOptionsOfGrantAndRevoke)
                } else if c.tailMatches("REVOKE", "ADMIN|INHERIT|SET", "OPTION", "FOR") {
                    return c.query(.roles)
                }
                return nil
            }),
        CompletionRule(
            .tailMatches("GRANT|REVOKE", "ALTER"),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", "ALTER"),
            offer: .with("SYSTEM")),
        CompletionRule(
            .tailMatches("REVOKE", "SET"),
            offer: .with("ON PARAMETER", "OPTION FOR")),
        CompletionRule(
            .tailMatches("GRANT", "SET"),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", "SET"),
            .tailMatches("GRANT|REVOKE", "ALTER", "SYSTEM"),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", "ALTER", "SYSTEM"),
            offer: .with("ON PARAMETER")),
        CompletionRule(
            .tailMatches("GRANT|REVOKE", .any, "ON", "PARAMETER"),
            .tailMatches("GRANT|REVOKE", .any, .any, "ON", "PARAMETER"),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, "ON", "PARAMETER"),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, .any, "ON", "PARAMETER"),
            offer: .query(.named(.alterSystemSetVars, reference: nil))),
        CompletionRule(
            .tailMatches("GRANT", .any, "ON", "PARAMETER", .any),
            .tailMatches("GRANT", .any, .any, "ON", "PARAMETER", .any),
            offer: .with("TO")),
        CompletionRule(
            .tailMatches("REVOKE", .any, "ON", "PARAMETER", .any),
            .tailMatches("REVOKE", .any, .any, "ON", "PARAMETER", .any),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, "ON", "PARAMETER", .any),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, .any, "ON", "PARAMETER", .any),
            offer: .with("FROM")),
        // Complete GRANT/REVOKE <privilege> with "ON", GRANT/REVOKE <role> with TO/FROM
        CompletionRule(
            .tailMatches("GRANT|REVOKE", .any),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any),
            offer: .body { c in
                if c.tailMatches("SELECT|INSERT|UPDATE|DELETE|TRUNCATE|REFERENCES|TRIGGER|CREATE|CONNECT|TEMPORARY|TEMP|EXECUTE|USAGE|MAINTAIN|ALL") {
                    return c.with("ON")
                } else if c.tailMatches("GRANT", .any) {
                    return c.with("TO")
                }
                return c.with("FROM")
            }),
        // Complete GRANT/REVOKE <sth> ON with a list of appropriate relations.
        //
        // Note: GRANT/REVOKE can get quite complex; tab-completion as implemented here will
        // only work if the privilege list contains exactly one privilege.
        CompletionRule(
            .tailMatches("GRANT|REVOKE", .any, "ON"),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, "ON"),
            offer: .body { c in
                // With ALTER DEFAULT PRIVILEGES, restrict completion to the kinds of objects
                // supported.
                if c.headMatches("ALTER", "DEFAULT", "PRIVILEGES") {
                    return c.with("TABLES", "SEQUENCES", "FUNCTIONS", "PROCEDURES", "ROUTINES", "TYPES", "SCHEMAS", "LARGE OBJECTS")
                }
                // Query_for_list_of_grantables is psql's Query_for_list_of_selectables.
                return c.query(.relations(.selectable, schema: nil), plus: [
                    "ALL FUNCTIONS IN SCHEMA", "ALL PROCEDURES IN SCHEMA", "ALL ROUTINES IN SCHEMA", "ALL SEQUENCES IN SCHEMA",
                    "ALL TABLES IN SCHEMA", "DATABASE", "DOMAIN", "FOREIGN DATA WRAPPER", "FOREIGN SERVER", "FUNCTION",
                    "LANGUAGE", "LARGE OBJECT", "PARAMETER", "PROCEDURE", "ROUTINE", "SCHEMA", "SEQUENCE", "TABLE",
                    "TABLESPACE", "TYPE",
                ])
            }),
        CompletionRule(
            .tailMatches("GRANT|REVOKE", .any, "ON", "ALL"),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, "ON", "ALL"),
            offer: .with("FUNCTIONS IN SCHEMA", "PROCEDURES IN SCHEMA", "ROUTINES IN SCHEMA", "SEQUENCES IN SCHEMA", "TABLES IN SCHEMA")),
        CompletionRule(
            .tailMatches("GRANT|REVOKE", .any, "ON", "FOREIGN"),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, "ON", "FOREIGN"),
            offer: .with("DATA WRAPPER", "SERVER")),
        // Complete "GRANT/REVOKE * ON DATABASE/DOMAIN/..." with a list of appropriate objects
        // or keywords.
        //
        // Complete "GRANT/REVOKE * ON *" with "TO/FROM".
        CompletionRule(
            .tailMatches("GRANT|REVOKE", .any, "ON", .any),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, "ON", .any),
            offer: .body { c in
                if c.tailMatches("DATABASE") {
                    return c.query(.databases)
                } else if c.tailMatches("DOMAIN") {
                    return c.query(.schemaList(.domains, schema: nil))
                } else if c.tailMatches("FUNCTION") {
                    return c.query(.schemaList(.functions, schema: nil))
                } else if c.tailMatches("LANGUAGE") {
                    return c.query(.named(.languages, reference: nil))
                } else if c.tailMatches("PROCEDURE") {
                    return c.query(.schemaList(.procedures, schema: nil))
                } else if c.tailMatches("ROUTINE") {
                    return c.query(.schemaList(.routines, schema: nil))
                } else if c.tailMatches("SCHEMA") {
                    return c.query(.schemas)
                } else if c.tailMatches("SEQUENCE") {
                    return c.query(.relations(.sequences, schema: nil))
                } else if c.tailMatches("TABLE") {
                    return c.query(.relations(.selectable, schema: nil))
                } else if c.tailMatches("TABLESPACE") {
                    return c.query(.tablespaces)
                } else if c.tailMatches("TYPE") {
                    return c.query(.schemaList(.datatypes, schema: nil))
                } else if c.tailMatches("GRANT", .any, .any, .any) {
                    return c.with("TO")
                }
                return c.with("FROM")
            }),
        // Complete "GRANT/REVOKE ... TO/FROM" with username, PUBLIC, CURRENT_ROLE,
        // CURRENT_USER, or SESSION_USER.
        CompletionRule(
            .matches("GRANT", .anyN, "TO"),
            .matches("REVOKE", .anyN, "FROM"),
            offer: .query(.roles, plus: keywordsForListOfGrantRoles)),
        // Offer grant options after that.
        CompletionRule(
            .matches("GRANT", .anyN, "TO", .any),
            offer: .with("WITH ADMIN", "WITH INHERIT", "WITH SET", "WITH GRANT OPTION", "GRANTED BY")),
        CompletionRule(
            .matches("GRANT", .anyN, "TO", .any, "WITH"),
            offer: .with("ADMIN", "INHERIT", "SET", "GRANT OPTION")),
        CompletionRule(
            .matches("GRANT", .anyN, "TO", .any, "WITH", "ADMIN|INHERIT|SET"),
            offer: .with("OPTION", "TRUE", "FALSE")),
        CompletionRule(
            .matches("GRANT", .anyN, "TO", .any, "WITH", .any, "OPTION"),
            offer: .with("GRANTED BY")),
        CompletionRule(
            .matches("GRANT", .anyN, "TO", .any, "WITH", .any, "OPTION", "GRANTED", "BY"),
            offer: .query(.roles, plus: keywordsForListOfGrantRoles)),
        // Complete "ALTER DEFAULT PRIVILEGES ... GRANT/REVOKE ... TO/FROM
        CompletionRule(
            .matches("ALTER", "DEFAULT", "PRIVILEGES", .anyN, "TO|FROM"),
            offer: .query(.roles, plus: keywordsForListOfGrantRoles)),
        // Offer WITH GRANT OPTION after that
        CompletionRule(
            .matches("ALTER", "DEFAULT", "PRIVILEGES", .anyN, "TO", .any),
            offer: .with("WITH GRANT OPTION")),
        // Complete "GRANT/REVOKE ... ON * *" with TO/FROM
        CompletionRule(.matches("GRANT", .anyN, "ON", .any, .any), offer: .with("TO")),
        CompletionRule(.matches("REVOKE", .anyN, "ON", .any, .any), offer: .with("FROM")),
        // Complete "GRANT/REVOKE * ON ALL * IN SCHEMA *" with TO/FROM
        CompletionRule(
            .tailMatches("GRANT|REVOKE", .any, "ON", "ALL", .any, "IN", "SCHEMA", .any),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, "ON", "ALL", .any, "IN", "SCHEMA", .any),
            offer: .body { c in toOrFrom(c, grantFollowedBy: 7) }),
        // Complete "GRANT/REVOKE * ON FOREIGN DATA WRAPPER *" with TO/FROM
        CompletionRule(
            .tailMatches("GRANT|REVOKE", .any, "ON", "FOREIGN", "DATA", "WRAPPER", .any),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, "ON", "FOREIGN", "DATA", "WRAPPER", .any),
            offer: .body { c in toOrFrom(c, grantFollowedBy: 6) }),
        // Complete "GRANT/REVOKE * ON FOREIGN SERVER *" with TO/FROM
        CompletionRule(
            .tailMatches("GRANT|REVOKE", .any, "ON", "FOREIGN", "SERVER", .any),
            .tailMatches("REVOKE", "GRANT", "OPTION", "FOR", .any, "ON", "FOREIGN", "SERVER", .any),
            offer: .body { c in toOrFrom(c, grantFollowedBy: 5) }),

        // GROUP BY
        CompletionRule(
            .tailMatches("FROM", .any, "GROUP"),
            offer: .with("BY")),

        // IMPORT FOREIGN SCHEMA
        CompletionRule(
            .matches("IMPORT"),
            offer: .with("FOREIGN SCHEMA")),
        CompletionRule(
            .matches("IMPORT", "FOREIGN"),
            offer: .with("SCHEMA")),
        CompletionRule(
            .matches("IMPORT", "FOREIGN", "SCHEMA", .any),
            offer: .with("EXCEPT (", "FROM SERVER", "LIMIT TO (")),
        CompletionRule(
            .tailMatches("LIMIT", "TO", "(*)"),
            .tailMatches("EXCEPT", "(*)"),
            offer: .with("FROM SERVER")),
    ]

    /// The lists this file's rule bodies ask for (for `bodyQueries`).
    static let grantRevokeToImportBodyQueries: [CatalogQuery] = [
        .roles, .relations(.selectable, schema: nil), .databases, .schemaList(.domains, schema: nil),
        .named(.languages, reference: nil), .schemaList(.procedures, schema: nil), .schemaList(.routines, schema: nil),
        .schemas, .relations(.sequences, schema: nil), .tablespaces,
    ]

    /// TO when the statement is a GRANT, FROM when a REVOKE: psql's `if (TailMatches("GRANT",
    /// MatchAny, ...)) COMPLETE_WITH("TO"); else COMPLETE_WITH("FROM");`, with as many
    /// MatchAny as words follow GRANT in the rule's pattern.
    private static func toOrFrom(_ c: RuleContext, grantFollowedBy count: Int) -> CompletionCandidates {
        let grant = WordPattern(kind: .tail, caseSensitive: false, tests: ["GRANT"] + Array(repeating: WordTest.any, count: count))
        return grant.fits(c.words) ? c.with("TO") : c.with("FROM")
    }

    /// psql's Privilege_options_of_grant_and_revoke: the privileges GRANT and REVOKE offer.
    private static let privilegeOptionsOfGrantAndRevoke = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "CREATE", "CONNECT", "TEMPORARY",
        "EXECUTE", "USAGE", "SET", "ALTER SYSTEM", "MAINTAIN", "ALL",
    ]

    /// The privileges ALTER DEFAULT PRIVILEGES ... GRANT/REVOKE can give (no roles).
    private static let defaultPrivileges = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "CREATE", "EXECUTE", "USAGE",
        "MAINTAIN", "ALL",
    ]

    /// psql's Keywords_for_list_of_grant_roles: Keywords_for_list_of_owner_roles and PUBLIC.
    private static let keywordsForListOfGrantRoles = ["CURRENT_ROLE", "CURRENT_USER", "SESSION_USER", "PUBLIC"]
}
