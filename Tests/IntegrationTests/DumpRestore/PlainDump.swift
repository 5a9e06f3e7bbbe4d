/// What the dump-restore tests read from a plain-format dump (pg_dump's default output).
enum PlainDump {
    /// The dump with what differs between two dumps of the same database replaced, so they
    /// compare equal: the keys of its `\restrict KEY` and `\unrestrict KEY` lines (pg_dump
    /// 15.14 and later, 18.0 and later: random per dump) by `KEY`, and the `pg_attver=N`
    /// column option that Debian's PostgreSQL 15.20 gives every column it creates (a number of
    /// the server's, new on each restore, which pg_dump 18.6 dumps) by `pg_attver=N`.
    static func comparable(_ dump: String) -> String {
        dump.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for command in [#"\restrict "#, #"\unrestrict "#] where line.hasPrefix(command) {
                return command + "KEY"
            }
            return String(line).replacing(/pg_attver=[0-9]+/, with: "pg_attver=N")
        }.joined(separator: "\n")
    }

    /// The 1-based numbers of the data lines of COPY blocks: from the line after each
    /// `COPY ... FROM stdin;` up to its `\.`, without it (a COPY that fails on its data is
    /// blamed on the `\.`, where psql's line count stands when the server answers).
    static func copyDataLines(_ dump: String) -> Set<Int> {
        var lines = Set<Int>()
        var inData = false
        for (index, line) in dump.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if inData {
                if line == #"\."# { inData = false } else { lines.insert(index + 1) }
            } else if line.hasPrefix("COPY "), line.hasSuffix(" FROM stdin;") {
                inData = true
            }
        }
        return lines
    }

    /// The stderr lines that blame a line of `file` inside a COPY block (`psql:FILE:LINE: ...`
    /// or pgentra's same prefix): a data line the program ran as SQL or a meta-command.
    static func complaintsAboutData(_ stderr: String, file: String, dataLines: Set<Int>) -> [String] {
        stderr.split(separator: "\n").filter { line in
            for program in ["psql:", "pgentra:"] where line.hasPrefix(program + file + ":") {
                let number = line.dropFirst(program.count + file.count + 1).prefix { $0.isNumber }
                return Int(number).map(dataLines.contains) ?? false
            }
            return false
        }.map(String.init)
    }

    /// `stderr` with the `psql:FILE:LINE: ` that psql's log prefix (psql's log_locus_callback)
    /// puts before each message about `file`, as psql reports the same messages from standard
    /// input, where it names no location.
    static func withoutLocations(_ stderr: String, file: String) -> String {
        let prefix = "psql:" + file + ":"
        return stderr.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix(prefix) else { return String(line) }
            let rest = line.dropFirst(prefix.count)
            let number = rest.prefix { $0.isNumber }
            guard !number.isEmpty, rest.dropFirst(number.count).hasPrefix(": ") else { return String(line) }
            return String(rest.dropFirst(number.count + 2))
        }.joined(separator: "\n")
    }

    /// The dump with its `COPY TABLE (` line naming `replacement` instead, so the COPY is the
    /// first command of the dump that fails; nil when the dump has no such line.
    static func renamingCopy(of table: String, to replacement: String, in dump: String) -> String? {
        var renamed = false
        let lines = dump.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("COPY \(table) ("), line.hasSuffix(" FROM stdin;") else { return String(line) }
            renamed = true
            return "COPY \(replacement) (" + line.dropFirst("COPY \(table) (".count)
        }
        return renamed ? lines.joined(separator: "\n") : nil
    }

    /// The dump with the first data line of the COPY into `table` replaced by `line`; nil when
    /// the dump has no such COPY.
    static func replacingFirstCopyLine(of table: String, with line: String, in dump: String) -> String? {
        var lines = dump.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let copy = lines.firstIndex(where: { $0.hasPrefix("COPY \(table) (") && $0.hasSuffix(" FROM stdin;") }),
              copy + 1 < lines.count, lines[copy + 1] != #"\."# else { return nil }
        lines[copy + 1] = line
        return lines.joined(separator: "\n")
    }
}
