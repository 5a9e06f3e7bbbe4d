/// Why `StatementScanner.scan` returned (psql's `PsqlScanResult`).
package enum ScanStop: Equatable, Sendable {
    /// A `;` at depth 0 ended a statement; it is in the buffer. Send the buffer, clear it, and
    /// call `scan` again for the rest of the line.
    case semicolon
    /// A `\` starts a meta-command; SQL before it on the line is in the buffer. Read the command
    /// with `metaCommandName()` and `metaCommandArgument(...)`, finish with `endMetaCommand()`,
    /// then call `scan` again for the rest of the line.
    case backslash
    /// The line is used up and the statement is unfinished (open quote, comment, parenthesis or
    /// routine body), or there is nothing in the buffer. Read another line.
    case incomplete
    /// The line is used up and the buffer holds text that could be sent: `-S` (single-line mode)
    /// sends it here; otherwise read another line.
    case endOfLine
}
