import CLibedit
#if canImport(Glibc)
import Glibc
#endif

/// Tab in libedit (readline emulation): libedit calls a C function with no context pointer,
/// so the function that answers it — the shell's completer — is kept here, the one piece of
/// static state completion needs. Set once when the interactive shell starts.
enum LibeditCompletion {
    /// Text before the cursor on the current line → what replaces the word there.
    nonisolated(unsafe) private static var complete: ((String) -> Completion)?
    nonisolated(unsafe) private static let wordBreaks = strdup(CompletionInput.wordBreaks)

    static func install(_ complete: @escaping (String) -> Completion) {
        self.complete = complete
        pgentra_rl_set_completion({ text, _, _ in LibeditCompletion.matches(text) }, wordBreaks)
    }

    /// readline's match list: `[common prefix, match 1, ..., nil]`, all malloc'd (libedit frees
    /// them), or nil for no match — with `rl_attempted_completion_over` so libedit does not
    /// fall back to file names.
    private static func matches(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        pgentra_rl_set_completion_result(0, 1)
        guard let complete, let buffer = pgentra_rl_line_buffer() else { return nil }
        let point = max(0, Int(pgentra_rl_point()))
        let bytes = UnsafeRawBufferPointer(start: buffer, count: min(point, strlen(buffer)))
        let completion = complete(String(decoding: bytes, as: UTF8.self))
        guard !completion.candidates.isEmpty else { return nil }
        pgentra_rl_set_completion_result(completion.appendsSpace ? 32 : 0, 1)
        let entries = [completion.commonPrefix] + completion.candidates
        // libedit releases the list with free(): it is allocated with malloc.
        guard let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        array[entries.count] = nil
        return array
    }

    /// Shows the prompt and line again below something printed while completing.
    static func redrawLine() {
        rl_forced_update_display()
    }
}
