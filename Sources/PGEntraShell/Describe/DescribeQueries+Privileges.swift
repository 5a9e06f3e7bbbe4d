/// `\dp` / `\z` (psql 18's describe.c permissionsList).
extension DescribeQueries {
    /// permissionsList: table, column and row-security privileges of the relations that can
    /// have them. No server-version branch is left in psql 18 from release 11 on.
    static func listPrivileges(pattern: String?, system: Bool, context: Context) throws(Failure) -> String {
        var sql = #"""
        SELECT n.nspname as "Schema",
          c.relname as "Name",
          CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END as "Type",
          \#(privilegeColumn("c.relacl")),
          pg_catalog.array_to_string(ARRAY(
            SELECT attname || E':\n  ' || pg_catalog.array_to_string(attacl, E'\n  ')
            FROM pg_catalog.pg_attribute a
            WHERE attrelid = c.oid AND NOT attisdropped AND attacl IS NOT NULL
          ), E'\n') AS "Column privileges",
          pg_catalog.array_to_string(ARRAY(
            SELECT polname
            || CASE WHEN NOT polpermissive THEN
               E' (RESTRICTIVE)'
               ELSE '' END
            || CASE WHEN polcmd != '*' THEN
                   E' (' || polcmd::pg_catalog.text || E'):'
               ELSE E':'
               END
            || CASE WHEN polqual IS NOT NULL THEN
                   E'\n  (u): ' || pg_catalog.pg_get_expr(polqual, polrelid)
               ELSE E''
               END
            || CASE WHEN polwithcheck IS NOT NULL THEN
                   E'\n  (c): ' || pg_catalog.pg_get_expr(polwithcheck, polrelid)
               ELSE E''
               END    || CASE WHEN polroles <> '{0}' THEN
                   E'\n  to: ' || pg_catalog.array_to_string(
                       ARRAY(
                           SELECT rolname
                           FROM pg_catalog.pg_roles
                           WHERE oid = ANY (polroles)
                           ORDER BY 1
                       ), E', ')
               ELSE E''
               END
            FROM pg_catalog.pg_policy pol
            WHERE polrelid = c.oid), E'\n')
            AS "Policies"
        FROM pg_catalog.pg_class c
             LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r','v','m','S','f','p')

        """#
        if !system && pattern == nil { sql += systemSchemasExcluded() }
        return try context.filter(sql, by: pattern, on: .relation, hasWhere: true, then: "ORDER BY 1, 2;")
    }
}

/// `\ddp` (psql 18's describe.c listDefaultACLs).
extension DescribeQueries {
    /// The pattern matches the schema or the owning role.
    static func listDefaultPrivileges(pattern: String?, context: Context) throws(Failure) -> String {
        let sql = """
        SELECT pg_catalog.pg_get_userbyid(d.defaclrole) AS "Owner",
          n.nspname AS "Schema",
          CASE d.defaclobjtype     WHEN 'r' THEN 'table' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'function'    WHEN 'T' THEN 'type' WHEN 'n' THEN 'schema' WHEN 'L' THEN 'large object' END AS "Type",
          \(privilegeColumn("d.defaclacl"))
        FROM pg_catalog.pg_default_acl d
             LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace

        """
        return try context.filter(
            sql, by: pattern, on: .name("n.nspname", or: "pg_catalog.pg_get_userbyid(d.defaclrole)", maxParts: 3), then: "ORDER BY 1, 2, 3;")
    }
}
