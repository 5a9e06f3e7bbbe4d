/// Differential cases for what differs between server releases (issue 9): the objects each
/// release's fixtures add (DifferentialServer.fixtureSQL), described by psql 18.6 and pgentra.
extension DifferentialCase {
    /// The TOAST table of `items`, found by name so the case does not depend on an oid.
    static let toastScript = """
    select reltoastrelid::regclass as toast from pg_class where relname = 'items' \\gset
    \\d :toast
    \\d+ :toast
    """

    static let releases: [DifferentialCase] = [
        .init("describe foreign table verbose", ["-c", "\\d+ extra.remote"]),
        .init("describe table in a tablespace", ["-c", "\\d spaced"]),
        .init("describe table in a tablespace verbose", ["-c", "\\d+ spaced"]),
        .init("describe index in a tablespace", ["-c", "\\d spaced_t"]),
        .init("describe primary key index in a tablespace", ["-c", "\\d+ spaced_pkey"]),
        .init("describe toast table of items", ["-f", "{dir}/toast.sql"], files: ["toast.sql": toastScript]),
        .init("describe table with publications", ["-c", "\\d items"]),
        .init("describe table with statistics", ["-c", "\\d extra.audit"]),
        .init("describe virtual generated columns verbose without echo", ["-c", "\\d+ extra.virtual_cols"], minimumServerVersion: 180000),
        .init("describe tables of every kind echo hidden", ["-E", "-c", "\\dtvmsE"]),
        .init("describe one table echo hidden", ["-E", "-c", "\\d+ extra.audit"]),
        .init("describe foreign table echo hidden", ["-E", "-c", "\\d+ extra.remote"]),
    ]
}
