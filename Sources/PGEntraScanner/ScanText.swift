/// A read-only view of one input buffer for the scanners: bounds-checked lookahead that fails at
/// the end (flex never matches across the end of a buffer), runs, and slicing to `String`.
///
/// Lookahead, runs and `slice` read the bytes as the lexer classifies them (psql's `yytext`);
/// `string` and `copy` read the original text at the same offsets (psqlscan_emit's `refline`).
/// The two differ only in a client-only encoding (`HiddenTrailingBytes`).
struct ScanText {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The text as typed, which is what gets copied out.
    let original: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    @inline(__always)
    subscript(index: Int) -> UInt8 { bytes[index] }

    /// The byte at `index`, or nil past the end.
    @inline(__always)
    func at(_ index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// The end of the run of bytes from `start` satisfying `predicate`.
    @inline(__always)
    func endOfRun(from start: Int, where predicate: (UInt8) -> Bool) -> Int {
        var index = start
        while index < bytes.count && predicate(bytes[index]) { index += 1 }
        return index
    }

    /// The first index at or after `start` holding `byte`, else `count`.
    @inline(__always)
    func firstIndex(of byte: UInt8, from start: Int) -> Int {
        var index = start
        while index < bytes.count && bytes[index] != byte { index += 1 }
        return index
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: original[range]), as: UTF8.self)
    }

    /// The original text in `range`, to copy out.
    func copy(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: original[range])
    }

    /// The original byte at `index`, to copy out.
    @inline(__always)
    func copy(at index: Int) -> UInt8 { original[index] }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }
}
