import PGEntraOutput

/// The pager question for one piece of output, asked once its size is known (psql's
/// `PageOutput`): exists only when a pager may run at all, that is `\pset pager` is on or
/// always, stdin and stdout are terminals, and the pager command is not blank.
struct PagerGate {
    let command: String
    let terminal: Terminal

    /// psql's test: `always` pages everything; `on` pages when the estimate reaches the
    /// terminal's height ("`>=` accounts for a one-line prompt") and `pager_min_lines`, or
    /// when the window size is unknown.
    static func wants(lines: Int, options: PrintOptions, terminal: Terminal) -> Bool {
        guard options.pager != .off, terminal.stdinIsTerminal, terminal.stdoutIsTerminal else { return false }
        if options.pager == .always { return true }
        guard let rows = terminal.rows else { return true }
        return lines >= rows && lines >= options.pagerMinLines
    }

    /// Starts the pager when `demand` calls for it under `options`; nil means print to stdout.
    func open(for demand: PagerDemand, options: PrintOptions) -> PagerPipe? {
        guard case .lines(let lines) = demand, Self.wants(lines: lines, options: options, terminal: terminal) else {
            return nil
        }
        return PagerPipe.open(command)
    }
}
