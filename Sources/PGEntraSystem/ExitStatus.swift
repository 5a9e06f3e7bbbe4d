/// psql's exit statuses (cli.md "Exit status").
package enum ExitStatus: Int32, Sendable {
    case success = 0
    /// A fatal error of pgentra itself: bad option, missing file, no token for `token`/`whoami`.
    case failure = 1
    /// The connection could not be made or went bad in a non-interactive session.
    case connectionFailed = 2
    /// An error in a script with ON_ERROR_STOP.
    case scriptError = 3
}
