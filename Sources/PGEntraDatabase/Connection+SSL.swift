import CLibpq

/// TLS facts for the shell's banner (psql-compat.md §7); `\conninfo` reads its own.
extension Connection {
    /// psql's printSSLInfo line, `SSL connection (protocol: ..., cipher: ..., compression: ...)`;
    /// nil without TLS.
    package var sslSummary: String? {
        guard usesSSL else { return nil }
        let protocolName = sslAttribute("protocol") ?? "unknown"
        let cipher = sslAttribute("cipher") ?? "unknown"
        let compression = sslAttribute("compression") == "on" ? "on" : "off"
        return "SSL connection (protocol: \(protocolName), cipher: \(cipher), compression: \(compression))"
    }

    /// libpq's PQsslAttribute (`protocol`, `cipher`, `compression`, `key_bits`); nil without TLS.
    package func sslAttribute(_ name: String) -> String? {
        PQsslAttribute(handle, name).map { String(cString: $0) }
    }
}
