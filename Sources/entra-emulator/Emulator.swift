import Foundation

/// The running emulator, put together from the options: state files, keys and certificates,
/// then the listeners, and `ready.json` last, once both listeners accept connections.
struct Emulator {
    let httpServer: HTTPServer
    let httpsServer: HTTPServer?
    private let passwordSetter: PostgresPasswordSetter?

    static func start(_ options: EmulatorOptions) throws -> Emulator {
        let state = try StateDirectory.prepare(options.stateDirectory)
        let directory = options.makeDirectory()
        let passwordSetter = try options.postgresConninfo.map { conninfo throws in
            try PostgresPasswordSetter(conninfo: conninfo)
        }

        let signer = try JWTSigner(key: try RSAKey.generate())
        try state.writeAtomically(signer.jwks.serialized + "\n", to: state.jwks)

        // ca.pem is written even with --no-https, so callers can always point SSL_CERT_FILE at it.
        let authority = try CertificateAuthority.generate()
        try state.writeAtomically(try authority.certificate.pem(), to: state.caCertificate)
        let tls: TLSContext? = try options.httpsPort.map { _ in
            let serverKey = try RSAKey.generate()
            return try TLSContext(certificate: try authority.issueServerCertificate(for: serverKey), key: serverKey)
        }

        let tokens = TokenFactory(tenant: directory.tenant, lifetime: options.lifetime, signer: signer,
                                  issuedLog: try JSONLinesLog(path: state.issuedLog), passwordSetter: passwordSetter)
        let faults = FaultInjector(options.faults)
        let endpoints = Endpoints(
            directory: directory,
            settings: .init(deviceInterval: options.deviceInterval,
                            identityHeader: options.identityHeader, msiSecret: options.msiSecret),
            tokens: tokens, signer: signer, deviceCodes: DeviceCodeStore(pendingPolls: options.devicePendingPolls),
            faults: faults)
        let router = Router(endpoints: endpoints, faults: faults,
                            recorder: RequestRecorder(log: try JSONLinesLog(path: state.requestLog)))

        let httpServer = try HTTPServer(name: "http", port: options.httpPort, tls: nil, router: router)
        let httpsServer = try options.httpsPort.map { port throws in
            try HTTPServer(name: "https", port: port, tls: tls, router: router)
        }
        httpServer.start()
        httpsServer?.start()

        let ready: JSONValue = [
            "pid": .int(Int(getpid())),
            "http_port": .int(httpServer.port),
            "https_port": httpsServer.map { .int($0.port) } ?? .null,
            "tenant": .string(directory.tenant),
        ]
        try state.writeAtomically(ready.serialized + "\n", to: state.ready)
        Log.info("listening on http://127.0.0.1:\(httpServer.port)"
            + (httpsServer.map { " and https://127.0.0.1:\($0.port)" } ?? "") + ", tenant \(directory.tenant), state in \(state.path)")
        return Emulator(httpServer: httpServer, httpsServer: httpsServer, passwordSetter: passwordSetter)
    }

    /// Closes the PostgreSQL connection; the listeners end with the process.
    func stop() {
        passwordSetter?.close()
    }
}
