/// What Tab offers for the word before the cursor (psql-compat.md §9): the candidates that
/// replace `word`, and whether a single match is followed by a space (not after `schema.`
/// or a directory, where the user goes on typing the same name).
package struct Completion: Equatable, Sendable {
    /// The text the candidates replace: the end of the line after the last word break.
    var word: String
    var candidates: [String]
    /// The candidates are file names, which a list shows by their last part (readline's
    /// `printable_part` when `rl_filename_completion_desired` is set).
    var fileNames = false
    /// What a listing shows instead of the candidates (a routine's signatures where its name
    /// goes in), nil to list the candidates.
    var labels: [String]? = nil

    static func none(_ word: String) -> Completion { Completion(word: word, candidates: []) }

    /// A lone candidate is finished unless it ends where a name or an argument list goes on.
    var appendsSpace: Bool {
        guard candidates.count == 1, let last = candidates[0].last else { return false }
        return last != "." && last != "/" && last != "("
    }

    /// The longest common prefix of the candidates (readline's `matches[0]`, from
    /// compute_lcd_of_matches): it replaces the word even when shorter than it (`\DR` matches
    /// `\dRp` and `\drds` ignoring case, and becomes `\d`); only candidates that share nothing
    /// leave the word as typed.
    var commonPrefix: String {
        guard var prefix = candidates.first.map(Array.init) else { return word }
        for candidate in candidates.dropFirst() {
            let other = Array(candidate)
            var count = 0
            while count < prefix.count, count < other.count, prefix[count] == other[count] { count += 1 }
            prefix.removeSubrange(count...)
        }
        return prefix.isEmpty ? word : String(prefix)
    }
}
