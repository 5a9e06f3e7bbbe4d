import CLibedit
#if canImport(Glibc)
import Glibc
#endif

/// Tab in libedit (readline emulation), echoed as GNU readline's `rl_complete` echoes it for
/// psql: a lone match goes in with its space and no bell; several put in what they share and ring
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
        let replacement = unique ? completion.candidates[0] + (completion.appendsSpace ? " " : "") : completion.commonPrefix
        guard replacement.hasPrefix(completion.word) else { return Self.libeditMatches(completion) }
        let insertion = String(replacement.dropFirst(completion.word.count))
        // readline rings while the command runs and draws the line after it.
        if !unique { ring() }
        if !insertion.isEmpty {
            _ = rl_insert_text(insertion)
            changedLine = true
            screen.redraw(cursorAfter: before)
        }
        return nil
    }

    /// readline's `rl_ding` (bell-style audible): the bell, written where libedit writes.
    private func ring() {
        LibeditScreen().write("\u{7}")
    }

    /// When the match does not extend the word as typed (a name folded to lower case, a command
    /// matched ignoring case), libedit replaces the word itself: readline's match list
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
