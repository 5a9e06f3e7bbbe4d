/// What the scanner remembers about the words of the statement in progress, so that it can tell
/// two things a lexer cannot see from tokens alone (psqlscan.l `psqlscan_track_identifier`):
///
/// - whether a `;` sits inside the `BEGIN ... END` body of `CREATE [OR REPLACE]
///   FUNCTION|PROCEDURE` (SQL-standard bodies, `BEGIN ATOMIC`), where it must not end the
///   statement: BEGIN counts up, END down, and CASE counts up only inside a BEGIN because it too
///   closes with END;
/// - how many `COPY ... FROM STDIN` commands the text holds, so the runner knows in-line data
///   follows even if the COPY fails (back-patched into psql 15.19).
///
/// It is a heuristic, as psql's is: only unquoted words at parenthesis depth 0 count, and only
/// the first eight words of a statement are remembered.
struct StatementKeywords: Equatable, Sendable {
    /// psql's `begin_depth`: open BEGIN (and nested CASE) blocks of a routine body.
    private(set) var beginDepth = 0
    /// psql's `copy_stdin_count`: COPY FROM STDIN commands ended since the last reset.
    private(set) var copyFromStdinCount = 0
    /// How many words of the current statement have been seen (capped at `slotCount`).
    private var wordCount = 0
    /// The first words of the statement, one `Keyword` raw value per byte.
    private var slots: UInt64 = 0

    private static let slotCount = 8

    /// The words that matter, as psql records them (`init_idents`).
    private enum Keyword: UInt8 {
        case other = 0, create, function, procedure, or, replace, copy, from, stdio

        init(_ word: UnsafeBufferPointer<UInt8>) {
            switch word.count {
            case 2 where Self.matches(word, "or"): self = .or
            case 4 where Self.matches(word, "copy"): self = .copy
            case 4 where Self.matches(word, "from"): self = .from
            case 5 where Self.matches(word, "stdin"): self = .stdio
            case 6 where Self.matches(word, "create"): self = .create
            case 6 where Self.matches(word, "stdout"): self = .stdio
            case 7 where Self.matches(word, "replace"): self = .replace
            case 8 where Self.matches(word, "function"): self = .function
            case 9 where Self.matches(word, "procedure"): self = .procedure
            default: self = .other
            }
        }

        /// `pg_strcasecmp` against a lower-case ASCII keyword.
        static func matches(_ word: UnsafeBufferPointer<UInt8>, _ keyword: StaticString) -> Bool {
            guard word.count == keyword.utf8CodeUnitCount else { return false }
            let expected = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
            for index in 0..<word.count {
                var byte = word[index]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
                if byte != expected[index] { return false }
            }
            return true
        }
    }

    private func keyword(at slot: Int) -> Keyword {
        Keyword(rawValue: UInt8(truncatingIfNeeded: slots >> (8 * slot))) ?? .other
    }

    /// Called for every unquoted identifier or keyword the SQL scanner meets.
    mutating func track(_ word: UnsafeBufferPointer<UInt8>, parenthesisDepth: Int) {
        // Words inside parentheses (column lists, COPY (query), argument lists) never count.
        guard parenthesisDepth == 0 else { return }
        if wordCount == 0 { slots = 0 }
        if wordCount < Self.slotCount {
            slots |= UInt64(Keyword(word).rawValue) << (8 * wordCount)
            wordCount += 1
        }
        guard isCreateRoutine else { return }
        if Keyword.matches(word, "begin") {
            beginDepth += 1
        } else if Keyword.matches(word, "case") {
            if beginDepth >= 1 { beginDepth += 1 }
        } else if Keyword.matches(word, "end") {
            if beginDepth > 0 { beginDepth -= 1 }
        }
    }

    /// A `;` (or `\;`) at depth 0 ended a statement: count it if it was COPY FROM STDIN, and
    /// start remembering words afresh.
    mutating func statementEnded() {
        if isCopyFromStdin { copyFromStdinCount += 1 }
        wordCount = 0
    }

    /// psql_scan_reset: forget depth, count and words, but (as psql) not the remembered words
    /// themselves, which the next word overwrites.
    mutating func reset() {
        beginDepth = 0
        copyFromStdinCount = 0
        wordCount = 0
    }

    /// psql_scan_count_copy_from_stdin: the count, including a trailing statement that has no
    /// `;` yet (counted once), then cleared: the caller reads it once per query sent.
    mutating func countCopyFromStdin() -> Int {
        if wordCount > 0 {
            if isCopyFromStdin { copyFromStdinCount += 1 }
            wordCount = 0
        }
        defer { copyFromStdinCount = 0 }
        return copyFromStdinCount
    }

    /// CREATE [OR REPLACE] {FUNCTION|PROCEDURE}.
    private var isCreateRoutine: Bool {
        guard keyword(at: 0) == .create else { return false }
        switch keyword(at: 1) {
        case .function, .procedure: return true
        case .or: return keyword(at: 2) == .replace && [.function, .procedure].contains(keyword(at: 3))
        default: return false
        }
    }

    /// COPY, up to four words (BINARY db.schema.table), FROM, then STDIN or STDOUT (the grammar
    /// does not tell them apart, so neither does psql).
    private var isCopyFromStdin: Bool {
        guard keyword(at: 0) == .copy else { return false }
        for slot in 1..<(Self.slotCount - 1) where keyword(at: slot) == .from {
            return keyword(at: slot + 1) == .stdio
        }
        return false
    }
}
