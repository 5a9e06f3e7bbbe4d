/// `\h`: psql's SQL syntax help (help.c's helpSQL) over the topics psql 18.6 carries, which
/// scripts/generate-sql-help.py copies from the real psql into SQLHelpTopics.swift.
enum SQLHelp {
    struct Topic: Sendable {
        let name: String
        let description: String
        let url: String
        let syntax: String

        /// `lines`: the syntax's own lines and the shared `Fragment`s, in order; SQLHelpTopics.swift
        /// composes each syntax so, to say once what psql's sql_help.c repeats in several commands.
        init(name: String, description: String, url: String, syntax lines: [String]) {
            self.name = name
            self.description = description
            self.url = url
            syntax = lines.joined(separator: "\n")
        }
    }

    /// The text `\h TOPIC` prints; an empty topic lists every command in columns that fit
    /// `width` (psql: the terminal's width, 80 when stdout is not one).
    static func text(for topic: String, width: Int) -> String {
        topic.isEmpty ? listing(width: width) : help(topic)
    }

    /// psql's layout: as many columns of the longest name plus one as fit in `width - 3`,
    /// filled top to bottom.
    static func listing(width: Int) -> String {
        let names = topics.map(\.name)
        let cell = (names.map(\.count).max() ?? 0) + 1
        let columns = max((width - 3) / cell, 1)
        let rows = (names.count + columns - 1) / columns
        var text = "Available help:\n"
        for row in 0..<rows {
            var line = "  "
            for column in 0..<(columns - 1) {
                let index = row + column * rows
                let name = index < names.count ? names[index] : ""
                line += name + String(repeating: " ", count: cell - name.count)
            }
            let last = row + (columns - 1) * rows
            if last < names.count { line += names[last] }
            text += line + "\n"
        }
        return text
    }

    /// psql's three passes: the whole topic as a prefix of command names (stopping at an exact
    /// match, so `\h select` is not followed by SELECT INTO), then its first two words, then
    /// its first word; `*` shows everything.
    static func help(_ topic: String) -> String {
        let bytes = Array(topic.utf8)
        var length = bytes.count
        for pass in 1...3 {
            if pass > 1 {
                var wordLength = 1
                var index = 1
                while index < length {
                    let byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: " ") { break }
                    wordLength += 1
                }
                if pass == 2 && index < length {
                    wordLength += 1
                    while index < length {
                        let byte = bytes[index]
                        index += 1
                        if byte == UInt8(ascii: " ") { break }
                        wordLength += 1
                    }
                }
                if wordLength >= length { continue }
                length = wordLength
            }
            let prefix = String(decoding: bytes[0..<length], as: UTF8.self).lowercased()
            var text = ""
            for entry in topics where topic == "*" || entry.name.lowercased().hasPrefix(prefix) {
                text += "Command:     \(entry.name)\nDescription: \(entry.description)\nSyntax:\n\(entry.syntax)\n\nURL: \(entry.url)\n\n"
                if entry.name.lowercased() == topic.lowercased() { break }
            }
            if !text.isEmpty { return text }
        }
        return "No help available for \"\(topic)\".\nTry \\h with no arguments to see available help.\n"
    }
}
