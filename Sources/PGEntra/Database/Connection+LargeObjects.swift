import CLibpq

/// libpq's client-side large-object calls (lo_import, lo_export, lo_unlink), which `\lo_import`,
/// `\lo_export` and `\lo_unlink` use: the file is read or written by the client, the object lives
/// on the server. Each must run inside a transaction; on failure the reason is in `errorMessage`.
extension Connection {
    /// The new object's oid; nil when libpq could not import the file.
    public func importLargeObject(fromFile path: String) -> UInt32? {
        let oid = lo_import(handle, path)
        return oid == 0 ? nil : oid
    }

    /// Whether the object was written to `path` (lo_export answers 1 on success).
    public func exportLargeObject(_ oid: UInt32, toFile path: String) -> Bool {
        lo_export(handle, oid, path) == 1
    }

    /// Whether the object was removed (lo_unlink answers -1 on failure).
    public func unlinkLargeObject(_ oid: UInt32) -> Bool {
        lo_unlink(handle, oid) != -1
    }
}
