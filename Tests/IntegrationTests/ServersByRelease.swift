import Synchronization
import TestSupport

/// A suite's servers, one per release, each started on first use and kept for the test process;
/// a failure to start (a missing reference, a fixture the release refuses) is kept too and
/// thrown to every test that asks for that release, with its message.
final class ServersByRelease<Server: Sendable>: Sendable {
    private let started = Mutex<[PostgresRelease: Result<Server, any Error>]>([:])
    private let start: @Sendable (PostgresRelease) throws -> Server

    init(_ start: @escaping @Sendable (PostgresRelease) throws -> Server) {
        self.start = start
    }

    func server(_ release: PostgresRelease) throws -> Server {
        try started.withLock { servers in
            if let known = servers[release] { return known }
            let made = Result { try start(release) }
            servers[release] = made
            return made
        }.get()
    }
}
