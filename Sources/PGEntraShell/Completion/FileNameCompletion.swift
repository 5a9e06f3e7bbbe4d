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
}
