import CLibpq
#if canImport(Glibc)
import Glibc
#endif

/// The facts psql 18's `\conninfo` table shows that the rest of pgentra does not need. Two of
/// them come from functions newer than the libpq pgentra may be linked with
/// (PQconnectionUsedGSSAPI, libpq 16; PQfullProtocolVersion, libpq 18), so they are looked up
/// when asked for, with the answer an older libpq implies.
extension Connection {
    /// PQoptions: the `options` connection parameter, empty when none.
    package var commandLineOptions: String {
        PQoptions(handle).map { String(cString: $0) } ?? ""
    }

    /// PQconnectionUsedPassword.
    package var usedPassword: Bool { PQconnectionUsedPassword(handle) == 1 }

    /// PQconnectionUsedGSSAPI; false where libpq predates it (and so could not authenticate
    /// with GSSAPI in the way it reports).
    package var usedGSSAPI: Bool {
        typealias Function = @convention(c) (OpaquePointer?) -> Int32
        guard let function = Self.libpqFunction("PQconnectionUsedGSSAPI", as: Function.self) else { return false }
        return function(handle) == 1
    }

    /// psql 18's `major.minor` from PQfullProtocolVersion (30000 is "3.0"); before libpq 18,
    /// PQprotocolVersion's major with minor 0, the only minor such a libpq speaks.
    package var protocolVersionText: String {
        typealias Function = @convention(c) (OpaquePointer?) -> Int32
        if let function = Self.libpqFunction("PQfullProtocolVersion", as: Function.self) {
            let version = function(handle)
            return "\(version / 10000).\(version % 10000)"
        }
        return "\(PQprotocolVersion(handle)).0"
    }

    private static func libpqFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }
}
