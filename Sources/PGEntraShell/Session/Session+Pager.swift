import PGEntraOutput
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// The pager (psql-compat.md §9, psql's `PageOutput`): tables on the query output and blocks of
/// help text go through `pagerSettings.command` when `\pset pager` and the terminal call for it.
extension Session {
    /// A writer for a table on the query output, paged when psql would page it.
    func tableWriter(columns: [TableColumn], options: PrintOptions, content: TableContentOptions?) -> TableWriter {
        openGOutput()
        let onTerminal = output.isStandardOutput
        return TableWriter(
            columns: columns, options: options, content: content, output: output, log: log,
            terminalWidth: onTerminal ? terminalWidth() : nil, pager: onTerminal ? pagerGate(options) : nil)
    }

    /// A writer for a result printed in FETCH_COUNT chunks. ExecQueryAndProcessResults forces the
    /// pager for chunks going to stdout (`PageOutput(INT_MAX)`) and prints them as paged even
    /// when none runs, so the width to fit is COLUMNS, else the terminal's, even for a pipe.
    func chunkTableWriter(columns: [TableColumn]) -> TableWriter {
        openGOutput()
        let onStdout = output.isStandardOutput
        let content = TableContentOptions(title: printOptions.title, printsEachBatch: true, pagesChunks: onStdout)
        let width = pagerSettings.environmentColumns > 0 ? pagerSettings.environmentColumns : terminalWidth()
        return TableWriter(
            columns: columns, options: printOptions, content: content, output: output, log: log,
            terminalWidth: onStdout ? width : nil, pager: onStdout ? pagerGate(printOptions) : nil)
    }

    /// Whether a table on the query output may be paged, so its rows must arrive whole.
    var mayPageTables: Bool {
        output.isStandardOutput && pagerGate(printOptions) != nil
    }

    /// psql's `PageOutput` for a block of text (`\?`, `\h`, `\s`): written to stdout whatever
    /// `\o` says, through the pager when needed. `lines` is psql's count for the block (by
    /// default the text's newlines); `Int.max` pages whenever the pager is on, as `\s` does.
    func writePaged(_ text: String, lines: Int? = nil) {
        output.flush()
        let count = lines ?? text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        if let pager = pagerGate(printOptions)?.open(for: .lines(count), options: printOptions) {
            pager.sink.write(text)
            pager.close()
        } else {
            printStandard(text)
        }
    }

    /// The gate when a pager may run at all: `\pset pager` on or always, a pager command that
    /// is not blank, stdin and stdout terminals.
    private func pagerGate(_ options: PrintOptions) -> PagerGate? {
        guard options.pager != .off, let command = pagerSettings.command else { return nil }
        let terminal = Terminal.current()
        guard terminal.stdinIsTerminal && terminal.stdoutIsTerminal else { return nil }
        return PagerGate(command: command, terminal: terminal)
    }

    /// psql's `output_columns` for stdout on a terminal: COLUMNS, else the window's width.
    private func terminalWidth() -> Int? {
        guard isatty(1) == 1 else { return nil }
        if pagerSettings.environmentColumns > 0 { return pagerSettings.environmentColumns }
        return Terminal.current().columns
    }
}
