#if canImport(Glibc)
import Glibc
#endif

/// File-name arguments (`\i`, `\o`, `\w`, `\copy ... FROM`): the entries of the typed
/// directory that start with the typed name, directories with a `/` so Tab goes on into them.
/// Hidden files only when the name typed starts with a dot, as readline does.
struct FileNameCompletion {
    var home: String?

    func candidates(_ word: String) -> [String] {
        var typed = Substring(word)
        let quote = typed.first == "'" ? "'" : ""
        if !quote.isEmpty { typed = typed.dropFirst() }
        let slash = typed.lastIndex(of: "/")
        let directoryPart = slash.map { String(typed[...$0]) } ?? ""
        let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? String(typed)
        var directory = directoryPart.isEmpty ? "." : directoryPart
        if directory.hasPrefix("~/"), let home { directory = home + directory.dropFirst() }
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var result: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", name.hasPrefix(namePart) else { continue }
            guard !name.hasPrefix(".") || namePart.hasPrefix(".") else { continue }
            var info = stat()
            let isDirectory = stat((directory.hasSuffix("/") ? directory : directory + "/") + name, &info) == 0
                && (info.st_mode & S_IFMT) == S_IFDIR
            result.append(quote + directoryPart + name + (isDirectory ? "/" : ""))
        }
        return result
    }

    /// File names quoted as psql's quote_file_name quotes them (quote_if_needed with the
    /// characters `" \t\r\n\"`"` that entail quotes): in single quotes, an inner quote doubled
    /// and `escape` doubled too, when `force`d (SQL COPY reads a string literal; so does any
    /// word typed with an opening quote, which is kept as one) or when the name holds one of
    /// those characters, the quote or `escape`; as they are otherwise. The closing quote is
    /// written only for a single match that is a file, so that a name still being chosen, or a
    /// directory to go into, stays open. `escape` is the backslash for a meta-command's file
    /// (COMPLETE_WITH_FILES("\\", false)), none for COPY and \copy.
    func quoted(_ word: String, force: Bool, escape: Character? = nil) -> [String] {
        let typedQuote = word.hasPrefix("'")
        let plain = candidates(typedQuote ? String(word.dropFirst()) : word)
        return plain.map { name in
            guard force || typedQuote || name.contains(where: { Self.entailsQuotes.contains($0) || $0 == "'" || $0 == escape }) else {
                return name
            }
            let escaped = name.flatMap { $0 == "'" || $0 == escape ? [$0, $0] : [$0] }
            let closed = plain.count == 1 && !name.hasSuffix("/")
            return "'" + String(escaped) + (closed ? "'" : "")
        }
    }

    /// quote_file_name's `entails_quote`.
    private static let entailsQuotes: Set<Character> = [" ", "\t", "\r", "\n", "\"", "`"]
}
