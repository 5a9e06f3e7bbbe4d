import Foundation

/// One of the emulator's listeners (plain http or https): a blocking HTTP/1.1 server with an
/// accept thread per socket and a thread per connection, answering one request per connection.
///
/// It listens on 127.0.0.1 and, on the same port when that is free, on ::1 too, so clients that
/// resolve `localhost` to ::1 first (the certificate names both) reach it as well.
final class HTTPServer: Sendable {
    let port: Int
    private let listeners: [Listener]
    private let handler: ConnectionHandler

    init(name: String, port requestedPort: Int, tls: TLSContext?, router: Router) throws {
        let primary = try Listener.open(.ipv4, port: requestedPort)
        var listeners = [primary]
        do {
            listeners.append(try Listener.open(.ipv6, port: primary.port))
        } catch {
            Log.info("\(name): not listening on ::1 (\(error)); 127.0.0.1 only")
        }
        self.listeners = listeners
        self.port = primary.port
        self.handler = ConnectionHandler(tls: tls, router: router, localPort: primary.port)
    }

    /// Starts accepting on every socket; returns at once.
    func start() {
        for listener in listeners {
            let thread = Thread { [self] in acceptLoop(listener) }
            thread.name = "accept \(listener.loopback.address):\(listener.port)"
            thread.start()
        }
    }

    private func acceptLoop(_ listener: Listener) {
        while true {
            let client = accept(listener.fileDescriptor, nil, nil)
            if client < 0 {
                // Out of descriptors: back off instead of spinning; anything else is transient.
                if errno == EMFILE || errno == ENFILE { usleep(100_000) }
                continue
            }
            let handler = self.handler
            Thread { handler.serve(client) }.start()
        }
    }
}
