import Foundation
import TestSupport
import Testing

/// Database names come from the server, through the real pgentra signing in with the emulator's
/// token; when nothing answers, the completion offers nothing, prints nothing and returns fast.
@Suite struct DatabaseNameCompletionTests {
    /// This suite's own server: the emulator sets role passwords, which the shared server's
    /// serialized suites rely on.
    static let server = Result { try PostgresServer() }

    @Test(arguments: CompletionShell.allCases)
    func databaseNamesComeFromTheServer(_ shell: CompletionShell) throws {
        let server = try Self.server.get()
        let emulator = try Fixtures.emulator(postgres: server)
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        let target = "pgentra -h 127.0.0.1 -p \(server.port)"

        let option = try shell.complete("\(target) -d ", in: environment)
        #expect(option.words.contains("postgres"), "\(option)")
        #expect(option.words.contains("template1"), "\(option)")
        #expect(!option.words.contains("template0"), "template0 does not allow connections: \(option)")

        let positional = try shell.complete("\(target) exec po", in: environment)
        #expect(positional.words == ["postgres"], "\(positional)")
        let first = try shell.complete("\(target) ", in: environment)
        #expect(Set(first.words).isSuperset(of: ["exec", "token", "whoami", "postgres"]), "\(first)")
    }

    /// Device-code sign-in, however it is chosen, would ask for a browser visit on every Tab:
    /// the completion never starts it (the emulator sees no request at all).
    @Test(arguments: CompletionShell.allCases)
    func deviceCodeSignInIsNeverStartedByTab(_ shell: CompletionShell) throws {
        let server = try Self.server.get()
        let emulator = try Fixtures.emulator(postgres: server)
        let environment = TestEnvironment(emulator: emulator)
        let target = "pgentra -h 127.0.0.1 -p \(server.port)"
        for line in ["\(target) --credential DeviceCodeCredential -d ", "\(target) --credential=device-code -d "] {
            let offer = try shell.complete(line, in: environment)
            #expect(offer.words.isEmpty, "\(line): \(offer)")
        }
        environment["PGENTRA_CREDENTIAL"] = "Device-Code"
        let fromEnvironment = try shell.complete("\(target) -d ", in: environment)
        #expect(fromEnvironment.words.isEmpty, "\(fromEnvironment)")
        #expect(emulator.requests().isEmpty, "\(emulator.requests())")
    }

    @Test(arguments: CompletionShell.allCases)
    func anUnreachableServerGivesNothingQuietlyAndFast(_ shell: CompletionShell) throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        let offer = try shell.complete("pgentra -h 127.0.0.1 -p \(ChildProcess.freePort()) -d ", in: environment)
        #expect(offer.words.isEmpty, "\(offer)")
        #expect(!offer.output.contains("pgentra:"), "printed: \(offer.output)")
        #expect(!offer.output.lowercased().contains("error"), "printed: \(offer.output)")
        #expect(offer.seconds < 5, "took \(offer.seconds) s")
    }
}
