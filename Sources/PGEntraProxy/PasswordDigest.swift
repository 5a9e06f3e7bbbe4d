import COpenSSL

/// The hashes a server's password exchange needs, from libcrypto (what libpq itself uses).
enum PasswordDigest {
    static func sha256(_ data: [UInt8]) -> [UInt8] {
        digest(data, EVP_sha256(), length: 32)
    }

    static func md5(_ data: [UInt8]) -> [UInt8] {
        digest(data, EVP_md5(), length: 16)
    }

    static func hmacSHA256(key: [UInt8], _ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = HMAC(EVP_sha256(), key, Int32(key.count), data, data.count, &out, &length)
        return out
    }

    /// PBKDF2-HMAC-SHA-256 with a 32-byte result (SCRAM's Hi()).
    static func pbkdf2SHA256(_ password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = password.withUnsafeBufferPointer { password in
            password.withMemoryRebound(to: CChar.self) { password in
                PKCS5_PBKDF2_HMAC(password.baseAddress, Int32(password.count), salt, Int32(salt.count),
                                  Int32(iterations), EVP_sha256(), 32, &out)
            }
        }
        precondition(ok == 1, "PKCS5_PBKDF2_HMAC failed")
        return out
    }

    /// Lower-case hex, as MD5 passwords are written.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// `md5` and the hex of md5(hex(md5(password + user)) + salt): libpq's pg_password_sendauth
    /// for AuthenticationMD5Password.
    static func md5Response(password: [UInt8], user: [UInt8], salt: [UInt8]) -> [UInt8] {
        let inner = hex(md5(password + user))
        return Array(("md5" + hex(md5(Array(inner.utf8) + salt))).utf8)
    }

    private static func digest(_ data: [UInt8], _ type: OpaquePointer?, length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        let ok = EVP_Digest(data, data.count, &out, &written, type, nil)
        precondition(ok == 1 && Int(written) == length, "EVP_Digest failed")
        return out
    }
}
