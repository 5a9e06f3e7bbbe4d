/// `pg_class.relkind` letters a completion context wants.
struct RelationKinds: Hashable, Sendable {
    let letters: String

    /// What `SELECT ... FROM` can read: tables, views, sequences, materialized and foreign tables.
    static let selectable = RelationKinds(letters: "rSvmfp")
    static let tables = RelationKinds(letters: "rp")
    /// What INSERT/UPDATE/DELETE can write (views may be updatable).
    static let updatable = RelationKinds(letters: "rpvf")
    static let views = RelationKinds(letters: "v")
    static let materializedViews = RelationKinds(letters: "m")
    static let indexes = RelationKinds(letters: "iI")
    static let sequences = RelationKinds(letters: "S")
    static let foreignTables = RelationKinds(letters: "f")
    /// `\d`: everything `\d` describes.
    static let any = RelationKinds(letters: "rpvmSfiIc")
}
