import CLibpq

/// TLS facts for the shell's banner (psql-compat.md §7: `SSL connection (protocol: ...)`).
extension Connection {
    /// libpq's PQsslAttribute (`protocol`, `cipher`, `compression`, `key_bits`); nil without TLS.
    public func sslAttribute(_ name: String) -> String? {
        PQsslAttribute(handle, name).map { String(cString: $0) }
    }
}
