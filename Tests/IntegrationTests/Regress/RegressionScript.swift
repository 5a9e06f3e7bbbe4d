import Foundation
import TestSupport
import Testing

/// One of PostgreSQL's regression scripts for psql, as stored under `Regress/sql/` (its source
/// commit is in `Regress/sql/README.md`). Each runs whole: nothing in them needs what only a
/// PostgreSQL build tree has (regress.so's C functions, the data files), beyond the tables
/// RegressionServer makes.
struct RegressionScript: Sendable, CustomTestStringConvertible {
    let name: String
    /// The file under Tests/IntegrationTests/Regress/sql/.
    let file: String

    var testDescription: String { name }

    struct MissingScript: Error, CustomStringConvertible {
        let description: String
    }

    /// The script's text, as pg_regress would send it to psql's stdin.
    func input() throws -> String {
        let text = SourceTree.contents("Tests/IntegrationTests/Regress/sql/\(file)")
        guard !text.isEmpty else { throw MissingScript(description: "Tests/IntegrationTests/Regress/sql/\(file) is missing or empty") }
        return text
    }

    static let crosstab = RegressionScript(name: "psql_crosstab", file: "psql_crosstab.sql")

    static let psql = RegressionScript(name: "psql", file: "psql.sql")

    static let all: [RegressionScript] = [crosstab, psql]
}
