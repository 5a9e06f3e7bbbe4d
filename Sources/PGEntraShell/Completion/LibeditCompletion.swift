import CLibedit
import PGEntraOutput
#if canImport(Glibc)
import Glibc
#endif

/// Tab in libedit (readline emulation), echoed as GNU readline's `rl_complete` echoes it for
/// psql: a lone match goes in with no bell, and its space at the end of the line; several put in what they share and ring
/// once; the Tab right after that lists them (`display_matches`), and redraws the prompt and line.
///
/// libedit's own `fn_complete` (filecomplete.c) rings on every match, even a lone one, and lists
/// in its own layout, so the matches are not handed back to it: this function edits the line and
/// rings or lists itself, then returns no match list (with `rl_attempted_completion_over`), which
/// leaves libedit nothing to do. Whether the key before was Tab comes from libedit, which sets
/// `rl_completion_type` to `?` when its last command was this same completion command: readline's
/// `rl_last_func == rl_complete`, so any other key in between, an arrow too, starts afresh.
///
/// libedit calls a C function with no context pointer, so the installed completer is kept in
/// `installed`, the one piece of static state completion needs. Set once when the interactive
/// shell starts; everything else lives in that object.
final class LibeditCompletion {
    nonisolated(unsafe) private static var installed: LibeditCompletion?
    nonisolated(unsafe) private static let wordBreaks = strdup(CompletionInput.wordBreaks)

    /// Text before the cursor on the current line, and after it → what replaces the word there.
    private let complete: (_ before: String, _ after: String) -> Completion
    /// readline's `completion_changed_buffer`: a Tab that changed the line makes the next Tab
    /// complete again rather than list (`myt<Tab>` gives `mytab` and rings; the second Tab rings
    /// again; the third lists).
    private var changedLine = false

    private init(_ complete: @escaping (_ before: String, _ after: String) -> Completion) {
        self.complete = complete
    }

    static func install(_ complete: @escaping (_ before: String, _ after: String) -> Completion) {
        installed = LibeditCompletion(complete)
        pgentra_rl_set_completion({ _, _, _ in LibeditCompletion.installed?.attempt() }, wordBreaks)
    }

    /// Shows the prompt and line again below something printed while completing.
    static func redrawLine() {
        rl_forced_update_display()
    }

    /// One Tab: readline's `rl_complete_internal` with `what_to_do` TAB or `?`.
    private func attempt() -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        pgentra_rl_set_completion_result(0, 1)
        guard let buffer = pgentra_rl_line_buffer() else { return nil }
        let length = strlen(buffer)
        let point = min(max(0, Int(pgentra_rl_point())), length)
        let line = UnsafeRawBufferPointer(start: buffer, count: length)
        let before = String(decoding: line[..<point], as: UTF8.self)
        let listing = pgentra_rl_completion_type() == Int32(UInt8(ascii: "?")) && !changedLine
        changedLine = false
        let completion = complete(before, String(decoding: line[point...], as: UTF8.self))
        guard !completion.candidates.isEmpty else {
            ring()
            return nil
        }
        let screen = LibeditScreen()
        if listing {
            screen.list(completion, before: before, line: String(decoding: line, as: UTF8.self))
            return nil
        }
        let unique = completion.candidates.count == 1
        // readline's append_to_match: the space after a lone match only at the end of the line.
        let replacement = unique ? completion.candidates[0] + (completion.appendsSpace && point == length ? " " : "") : completion.commonPrefix
        let extends = replacement.hasPrefix(completion.word)
        let replaced = String(before.unicodeScalars.dropLast(completion.word.unicodeScalars.count)) + replacement
        let after = String(decoding: line[point...], as: UTF8.self)
        // What libedit cannot do (see replaceLine) goes back to it, bell and all.
        guard extends || after.isEmpty || replaced.unicodeScalars.count >= before.unicodeScalars.count else {
            return Self.libeditMatches(completion)
        }
        // readline rings while the command runs and draws the line after it.
        if !unique { ring() }
        if extends {
            let insertion = String(replacement.dropFirst(completion.word.count))
            guard !insertion.isEmpty else { return nil }
            _ = rl_insert_text(insertion)
        } else {
            Self.replaceLine(before, with: replaced, after: after)
        }
        changedLine = true
        screen.redraw(cursorAfter: before)
        screen.erase(columns: DisplayWidth.width(of: before) - DisplayWidth.width(of: replaced))
        return nil
    }

    /// A match that does not extend the word as typed (a name folded to lower case, a command
    /// matched ignoring case, a quote added) replaces it, as readline's insert_match does.
    /// libedit's readline emulation can only replace the whole line (el_replacestr, which keeps
    /// the cursor's index, or the line's end if that is shorter) and insert at the cursor. So the
    /// line becomes as much of the new text before the cursor as the old one held, then the text
    /// after the cursor, and the rest of the new text is inserted, which leaves the cursor after
    /// it: right wherever the new text is at least as long as the old, or nothing follows.
    private static func replaceLine(_ before: String, with replaced: String, after: String) {
        let scalars = Array(replaced.unicodeScalars)
        let kept = scalars.prefix(before.unicodeScalars.count)
        rl_replace_line(String(String.UnicodeScalarView(kept)) + after, 0)
        if scalars.count > kept.count { _ = rl_insert_text(String(String.UnicodeScalarView(scalars[kept.count...]))) }
    }

    /// readline's `rl_ding` (bell-style audible): the bell, written where libedit writes.
    private func ring() {
        LibeditScreen().write("\u{7}")
    }

    /// When the match does not extend the word as typed, is shorter than it and text follows the
    /// cursor, libedit replaces the word itself: readline's match list
    /// `[common prefix, match 1, ..., nil]`, all malloc'd (libedit frees them). libedit then
    /// rings even for a lone match, which readline would not.
    private static func libeditMatches(_ completion: Completion) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        pgentra_rl_set_completion_result(completion.appendsSpace ? 32 : 0, 1)
        let entries = [completion.commonPrefix] + completion.candidates
        guard let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        array[entries.count] = nil
        return array
    }
}
