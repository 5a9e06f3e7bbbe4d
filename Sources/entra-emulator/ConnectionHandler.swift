import Foundation

/// Serves exactly one request on one accepted socket, on that connection's own thread.
///
/// Everything here is bounded in time: socket reads and writes time out after 30 s, the whole
/// request must arrive within `HTTPRequestReader.overallLimit`, and the deliberate `hang` fault
/// gives up after 120 s, so no thread (and no test) can wait forever.
struct ConnectionHandler: Sendable {
    static let socketTimeoutSeconds = 30
    static let hangLimit: TimeInterval = 120

    let tls: TLSContext?
    let router: Router
    let localPort: Int

    func serve(_ fileDescriptor: Int32) {
        setTimeouts(fileDescriptor)
        let stream: ClientStream
        if let tls {
            do {
                stream = try tls.accept(fileDescriptor: fileDescriptor)
            } catch {
                Log.info("https connection dropped: \(error)")
                SocketCloser.close(fileDescriptor)
                return
            }
        } else {
            stream = PlainStream(fileDescriptor: fileDescriptor)
        }
        defer { stream.close() }

        let request: HTTPRequest
        do {
            request = try HTTPRequestReader(stream: stream, isTLS: tls != nil, localPort: localPort).read()
        } catch {
            switch error {
            case .closed: return
            case .malformed(let reason): _ = stream.write(HTTPResponse.error(400, "invalid_request", reason).serialized())
            case .tooLarge: _ = stream.write(HTTPResponse.error(413, "invalid_request", "request too large").serialized())
            case .lengthRequired:
                _ = stream.write(HTTPResponse.error(411, "invalid_request", "send a Content-Length body").serialized())
            }
            return
        }

        switch router.handle(request) {
        case .respond(let response):
            if !stream.write(response.serialized()) {
                Log.info("\(request.method) \(request.path): client left before the answer was sent")
            }
        case .hangUntilClientLeaves:
            waitForClientToLeave(stream)
        }
    }

    private func setTimeouts(_ fileDescriptor: Int32) {
        var timeout = timeval(tv_sec: ConnectionHandler.socketTimeoutSeconds, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(fileDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
        setsockopt(fileDescriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
    }

    /// The `hang` fault: answer nothing, return when the client closes (or after the limit).
    private func waitForClientToLeave(_ stream: ClientStream) {
        let deadline = Date().addingTimeInterval(ConnectionHandler.hangLimit)
        var scratch: [UInt8] = []
        while case let remaining = deadline.timeIntervalSinceNow, remaining > 0 {
            var descriptor = pollfd(fd: stream.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { return }
            if ready > 0 && stream.read(into: &scratch, maximum: 4096) <= 0 { return }
        }
    }
}
