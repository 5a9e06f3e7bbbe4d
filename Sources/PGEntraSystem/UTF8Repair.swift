/// psql's `mbvalidate` for UTF-8 (psql-compat.md §6.1): every header and cell passes through it
/// before any format sees it, and bytes that do not start a character it accepts are dropped.
///
/// Its rules are psql's, quirks included, because the output must match byte for byte: overlong
/// two-byte forms and most ill-formed sequences go; U+?FFFE and U+?FFFF go in planes 1–16; the
/// three-byte checks for U+FFFE/U+FFFF never fire and only some surrogates are caught.
package enum UTF8Repair {
    /// Whether `bytes` is pure ASCII, eight bytes at a time; the common case skips all checks.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = bytes.baseAddress else { return true }
        let end = p + bytes.count
        while end - p >= 8 {
            if UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return false
            }
            p += 8
        }
        while p < end {
            if p.pointee >= 0x80 { return false }
            p += 1
        }
        return true
    }

    /// The length of the character at `index` if psql keeps it, else nil (the byte is dropped).
    @inline(__always)
    static func acceptedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        // psql reads the NUL-terminated string, so a byte past the end reads as 0.
        @inline(__always) func byte(_ offset: Int) -> UInt8 {
            index + offset < bytes.count ? bytes[index + offset] : 0
        }
        let c0 = bytes[index]
        if c0 & 0x80 == 0 { return 1 }
        if c0 & 0xE0 == 0xC0 {
            return byte(1) & 0xC0 == 0x80 && c0 & 0x1F > 0x01 ? 2 : nil
        }
        if c0 & 0xF0 == 0xE0 {
            let c1 = byte(1), c2 = byte(2)
            guard c1 & 0xC0 == 0x80, c0 & 0x0F != 0 || c1 & 0x20 == 0x20, c2 & 0xC0 == 0x80 else {
                return nil
            }
            // psql combines c1 with c0 here (not c2); kept as is.
            let z = Int(c0 & 0x0F)
            let yx = (Int(c1 & 0x3F) << 6) | Int(c0 & 0x3F)
            let lx = yx & 0x7F
            if (z == 0x0F && ((yx & 0xFFE) == 0xFFE || ((yx & 0xF80) == 0xD80 && lx >= 0x30 && lx <= 0x4F)))
                || (z == 0x0D && (yx & 0xB00) == 0x800)
            {
                return nil
            }
            return 3
        }
        if c0 & 0xF8 == 0xF0 {
            let c1 = byte(1), c2 = byte(2), c3 = byte(3)
            let u = (Int(c0 & 0x07) << 2) | Int((c1 & 0x30) >> 4)
            guard c1 & 0xC0 == 0x80, u > 0, u <= 0x10, c2 & 0xC0 == 0x80, c3 & 0xC0 == 0x80 else {
                return nil
            }
            if c1 & 0x0F == 0x0F && c2 & 0x3F == 0x3F && c3 & 0x3E == 0x3E { return nil }
            return 4
        }
        return nil
    }

    /// Whether psql would keep every byte of `bytes`.
    package static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if isASCII(bytes) { return true }
        var i = 0
        while i < bytes.count {
            guard let length = acceptedLength(bytes, at: i) else { return false }
            i += length
        }
        return true
    }

    /// Appends the bytes psql keeps to `output`.
    package static func repair(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var i = 0
        while i < bytes.count {
            if let length = acceptedLength(bytes, at: i) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<min(i + length, bytes.count)]))
                i += length
            } else {
                i += 1
            }
        }
    }

    package static func repaired(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            if isClean(buffer) { return bytes }
            var output: [UInt8] = []
            repair(buffer, into: &output)
            return output
        }
    }

    /// Calls `body` with the cleaned bytes: `bytes` itself when nothing is dropped (no copy),
    /// else a copy in `scratch`.
    @inline(__always)
    package static func withClean<R>(
        _ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        if isClean(bytes) { return try body(bytes) }
        scratch.removeAll(keepingCapacity: true)
        repair(bytes, into: &scratch)
        return try scratch.withUnsafeBufferPointer(body)
    }
}
