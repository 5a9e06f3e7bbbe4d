#if canImport(Glibc)
import Glibc
#endif

/// NULL-terminated arrays of C strings (`char **`: environ, argv, the argv and envp of execvp
/// and posix_spawn), to and from Swift one way. `lossless` says whether each string is the
/// bytes it stands for (`LosslessText`, for text that reaches libpq or a child byte for byte:
/// argv) or its UTF-8, with bytes that are not UTF-8 replaced (`String(cString:)`: environ).
package enum CStringArray {
    /// The strings of `array`, up to its NULL entry. argv qualifies: argv[argc] is NULL (C11
    /// 5.1.2.2.1), so walking it gives the same argc strings as counting.
    package static func strings(_ array: UnsafePointer<UnsafeMutablePointer<CChar>?>, lossless: Bool) -> [String] {
        var strings: [String] = []
        var entry = array
        while let pointer = entry.pointee {
            strings.append(lossless ? LosslessText.string(cString: pointer) : String(cString: pointer))
            entry += 1
        }
        return strings
    }

    /// Calls `body` with `strings` as a NULL-terminated array of strdup'd copies, freed when it
    /// returns. execvp returns only on failure, so its caller frees them then as well.
    package static func withArray<R>(
        _ strings: [String], lossless: Bool, _ body: ([UnsafeMutablePointer<CChar>?]) -> R
    ) -> R {
        let pointers = strings.map { string in
            lossless ? LosslessText.withCString(string) { strdup($0) } : strdup(string)
        } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
