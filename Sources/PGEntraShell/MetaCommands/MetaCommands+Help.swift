#if canImport(Glibc)
import Glibc
#endif

/// `\?` and `\h`: help on stdout through the pager when it is long, as psql's PageOutput does.
extension MetaCommands {
    /// psql's exec_command_slash_command_help: `commands` (or anything unknown), `options`,
    /// `variables`.
    func backslashHelp(_ arguments: inout ArgumentReader) -> Outcome {
        let topic = arguments.next()?.text
        let connection = session.connection.flatMap { $0.isOK ? $0 : nil }
        let state = BackslashHelp.State(
            database: connection?.database, html: session.printOptions.format == .html,
            tuplesOnly: session.printOptions.tuplesOnly, expanded: session.printOptions.expanded,
            timing: session.timing)
        session.writePaged(BackslashHelp.text(topic: topic, state: state, options: session.optionsHelp))
        return .ok
    }

    /// psql's exec_command_help: the rest of the line, less trailing blanks and semicolons
    /// (psql_scan_slash_option(OT_WHOLE_LINE, semicolon = true)).
    func sqlHelp(_ arguments: inout ArgumentReader) -> Outcome {
        let topic = arguments.next(.wholeLine, strippingSemicolons: true)?.text ?? ""
        // psql's helpSQL lays the list out for the window's width, 80 without a terminal.
        session.writePaged(SQLHelp.text(for: topic, width: Terminal.current().columns ?? 80))
        return .ok
    }
}
