/// One accepted connection as a byte stream. The plain and TLS listeners differ only in this
/// type, so request reading, routing and fault handling are shared.
protocol ClientStream: AnyObject {
    /// The socket, for `poll` while a `hang` fault waits for the client to leave.
    var fileDescriptor: Int32 { get }
    /// Reads up to `maximum` bytes: > 0 bytes read, 0 the peer closed, < 0 error or read timeout.
    func read(into buffer: inout [UInt8], maximum: Int) -> Int
    /// Writes everything or reports failure (peer gone, send timeout).
    func write(_ bytes: [UInt8]) -> Bool
    /// Ends the connection politely (TLS close_notify, FIN) and releases the descriptor.
    func close()
}
