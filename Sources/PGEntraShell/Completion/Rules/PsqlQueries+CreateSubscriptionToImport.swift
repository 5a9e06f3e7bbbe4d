// psql's lists (tab-complete.c's Query_for_list_of_... strings and SchemaQuery structs) that
// the rules from CREATE SUBSCRIPTION through IMPORT FOREIGN SCHEMA ask for, transcribed
// without psql's `LIKE '%s'` prefix filter and LIMIT (pgentra reads a list whole, caches it
// and filters it itself). Each runs on servers 15 to 18 as written.

extension NamedQuery {
    /// Query_for_list_of_prepared_statements (DEALLOCATE, EXECUTE).
    static let preparedStatements = NamedQuery(
        "Query_for_list_of_prepared_statements",
        sql: "SELECT pg_catalog.quote_ident(name) FROM pg_catalog.pg_prepared_statements")



    /// Query_for_list_of_fdws: foreign-data wrappers.
    static let fdws = NamedQuery(
        "Query_for_list_of_fdws",
        sql: "SELECT pg_catalog.quote_ident(fdwname) FROM pg_catalog.pg_foreign_data_wrapper")

    /// Query_for_list_of_servers: foreign servers.
    static let servers = NamedQuery(
        "Query_for_list_of_servers",
        sql: "SELECT pg_catalog.quote_ident(srvname) FROM pg_catalog.pg_foreign_server")









}

extension SchemaList {


    /// Query_for_list_of_routines: functions, aggregates and procedures alike.
    static let routines = SchemaList(
        name: "Query_for_list_of_routines", catalog: "pg_catalog.pg_proc p",
        visibility: "pg_catalog.pg_function_is_visible(p.oid)", namespace: "p.pronamespace", result: "p.proname")
}
