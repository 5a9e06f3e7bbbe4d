/// The text the scanners read from: the current input line at the bottom and, above it, the
/// values of `:name` references being expanded (psql's `buffer_stack`). A value is scanned as
/// if typed in place — it can open a quote, end a statement or even start a meta-command — but
/// no token spans two frames, and a variable is never expanded inside its own value.
struct InputStack: Sendable {
    struct Frame: Sendable {
        /// The frame's text as UTF-8; scanning works on bytes and indices, never on `String`
        /// slices, so a 10 MB line costs one pass.
        let bytes: [UInt8]
        var position: Int
        /// The variable whose value this is; nil for the input line.
        let variable: String?

        var isExhausted: Bool { position >= bytes.count }
    }

    private(set) var frames: [Frame] = []

    /// psql_scan_setup: scan `bytes` next, dropping whatever was left of the previous line.
    mutating func setLine(_ bytes: [UInt8]) {
        frames = [Frame(bytes: bytes, position: 0, variable: nil)]
    }

    /// psql_scan_finish: forget the line and any expansion in progress.
    mutating func removeAll() {
        frames.removeAll()
    }

    /// psqlscan_push_new_buffer: scan `value` before the rest of the current frame.
    mutating func push(_ value: String, for variable: String) {
        frames.append(Frame(bytes: Array(value.utf8), position: 0, variable: variable))
    }

    /// Whether `variable`'s value is being scanned (psqlscan_var_is_current_source).
    func isExpanding(_ variable: String) -> Bool {
        frames.contains { $0.variable == variable }
    }

    /// The frame being scanned after popping finished expansions (flex's `<<EOF>>` rule), or nil
    /// when the input line itself is used up.
    mutating func currentFrameIndex() -> Int? {
        while let last = frames.last, last.isExhausted, frames.count > 1 {
            frames.removeLast()
        }
        guard let last = frames.last, !last.isExhausted else { return nil }
        return frames.count - 1
    }

    var isEmpty: Bool { frames.isEmpty }

    /// The bytes of the frame at `index` (sharing storage, not copying).
    func bytes(at index: Int) -> [UInt8] { frames[index].bytes }

    func position(at index: Int) -> Int { frames[index].position }

    mutating func setPosition(_ position: Int, at index: Int) {
        frames[index].position = position
    }
}
