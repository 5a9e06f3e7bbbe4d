@testable import PGEntraCommands
@testable import PGEntraDatabase
@testable import PGEntraIdentity
@testable import PGEntraSystem

extension FuzzTarget {
    /// The hand-written command-line parser (ArgumentScanner, Invocation) and what is derived
    /// from its result before anything connects: the session settings (`-v`, `-P`, `-L`...),
    /// the connection target and the credential selection. The input is argv without the
    /// program name, arguments separated by NUL bytes, as the kernel passes them.
    static let arguments = FuzzTarget(
        name: "arguments", summary: "Invocation(arguments:), session settings, target and credential choice",
        seeds: [
            // ArgumentScannerTests, InvocationTests, SessionSettingsTests.
            "-h\0db.postgres.database.azure.com\0-U\0alice@contoso.com\0-d\0postgres\0-c\0select 1",
            "exec\0--credential\0azure-cli\0-v\0ON_ERROR_STOP=1\0-f\0script.sql\0-P\0format=csv",
            "token\0--json\0--min-ttl\0600\0--tenant\0t",
            "whoami\0--role-only",
            "run\0-h\0db\0--min-ttl=60\0app\0--\0pg_dump\0-Fc\0--\0-f\0x",
            "-d\0app\0run\0--print-env\0--scope\0s",
            "-Atqc\0select 1\0-F,\0-R\0\0-z",
            "--set=x=1\0--variable\0y\0--pset=border=2\0-Xe\0-L\0log.txt\0--\0dbname\0user",
            "-d\0postgresql://u@h:5432/db?sslmode=verify-full\0-p\05433",
            "--help=commands",
            "-?",
            "--no-such-option\0-W\0--version",
        ].map { Array($0.utf8) },
        prepare: { _ in
            { bytes in
                let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false)
                    .map { LosslessText.string(decoding: $0) }
                let invocation: Invocation
                do throws(CommandLineError) {
                    invocation = try Invocation(arguments: arguments)
                } catch {
                    _ = error.description
                    return
                }
                let environment = Environment([:])
                do throws(ErrorReport) {
                    _ = try SessionSettings(invocation: invocation, environment: environment, strict: invocation.subcommand == .exec)
                } catch {
                    _ = error.rendered
                }
                _ = try? ConnectionTarget(
                    host: invocation.connection.host, username: invocation.connection.username,
                    dbname: invocation.connection.dbname, pgHost: nil, pgUser: nil)
                _ = try? CredentialSelection.resolve(option: invocation.credentials.credential, environment: environment)
                _ = HelpText.text(for: invocation.subcommand)
            }
        })
}
