import PGEntraSystem

/// The text the scanners read from: the current input line at the bottom and, above it, the
/// values of `:name` references being expanded (psql's `buffer_stack`). A value is scanned as
/// if typed in place — it can open a quote, end a statement or even start a meta-command — but
/// no token spans two frames, and a variable is never expanded inside its own value.
struct InputStack: Sendable {
    struct Frame: Sendable {
        /// The frame's text as UTF-8; scanning works on bytes and indices, never on `String`
        /// slices, so a 10 MB line costs one pass.
        let bytes: [UInt8]
        /// What the lexers classify when it differs from `bytes`: the copy with the trailing
        /// bytes of a client-only encoding hidden (`HiddenTrailingBytes`); text is always
        /// copied from `bytes`.
        let classes: [UInt8]?
        var position: Int
        /// The variable whose value this is; nil for the input line.
        let variable: String?

        var isExhausted: Bool { position >= bytes.count }

        /// Calls `body` with a scanner's view of the frame.
        func withText<R>(_ body: (ScanText) -> R) -> R {
            bytes.withUnsafeBufferPointer { original in
                guard let classes else { return body(ScanText(bytes: original, original: original)) }
                return classes.withUnsafeBufferPointer { body(ScanText(bytes: $0, original: original)) }
            }
        }
    }

    private(set) var frames: [Frame] = []

    /// psql_scan_setup: scan `bytes` next, dropping whatever was left of the previous line;
    /// `encoding` is the client-only encoding whose trailing bytes are hidden, if any.
    mutating func setLine(_ bytes: [UInt8], encoding: CharacterRules?) {
        frames = [Frame(bytes: bytes, classes: Self.classes(of: bytes, encoding), position: 0, variable: nil)]
    }

    /// psql_scan_finish: forget the line and any expansion in progress.
    mutating func removeAll() {
        frames.removeAll()
    }

    /// psqlscan_push_new_buffer: scan `value` before the rest of the current frame.
    /// psqlscan_push_new_buffer prepares the value as it does a line.
    mutating func push(_ value: String, for variable: String, encoding: CharacterRules?) {
        let bytes = Array(value.utf8)
        frames.append(Frame(bytes: bytes, classes: Self.classes(of: bytes, encoding), position: 0, variable: variable))
    }

    private static func classes(of bytes: [UInt8], _ encoding: CharacterRules?) -> [UInt8]? {
        guard let encoding else { return nil }
        return HiddenTrailingBytes.classificationCopy(of: bytes, rules: encoding)
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

    /// The bytes the lexers classify in the frame at `index`: `bytes(at:)` unless trailing
    /// bytes are hidden.
    func classes(at index: Int) -> [UInt8] { frames[index].classes ?? frames[index].bytes }

    /// The frame at `index` (sharing storage), to scan with `Frame.withText` while the
    /// stack itself changes.
    func frame(at index: Int) -> Frame { frames[index] }

    func position(at index: Int) -> Int { frames[index].position }

    mutating func setPosition(_ position: Int, at index: Int) {
        frames[index].position = position
    }
}
