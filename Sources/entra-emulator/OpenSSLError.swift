import COpenSSL

/// A failed OpenSSL call, with the library's own reasons drained from this thread's error queue
/// (the queue is per thread, so each connection thread reports only its own failures).
struct OpenSSLError: Error, CustomStringConvertible {
    let operation: String
    let reasons: [String]

    init(_ operation: String) {
        self.operation = operation
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        self.reasons = reasons
    }

    var description: String {
        reasons.isEmpty ? "\(operation) failed" : "\(operation) failed: \(reasons.joined(separator: "; "))"
    }
}
