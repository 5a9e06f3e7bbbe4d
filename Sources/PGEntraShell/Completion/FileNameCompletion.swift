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

    /// File names as SQL COPY needs them, in a string literal: psql's complete_from_files with
    /// completion_force_quote and its quote_file_name. Each name is put in single quotes (an
    /// inner quote doubled, the typed opening quote kept as one); the closing quote is written
    /// only for a single match that is a file, so that a name still being chosen, or a
    /// directory to go into, stays open.
    func quoted(_ word: String) -> [String] {
        let typed = word.hasPrefix("'") ? String(word.dropFirst()) : word
        let plain = candidates(typed)
        let quoted = plain.map { "'" + $0.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") }
        if quoted.count == 1, !plain[0].hasSuffix("/") { return [quoted[0] + "'"] }
        return quoted
    }
}
