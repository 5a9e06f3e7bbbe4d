import Foundation
import TestSupport
import Testing

/// README's "try it locally": `make try` (scripts/try-it) at a terminal starts a throwaway
/// PostgreSQL and the identity emulator, shows whoami/token/exec, opens the pgentra shell
/// against them, and removes both when the shell ends. Run with the debug build's binaries.
@Suite struct TryItTests {
    @Test func endsInTheShellAtATerminalAndCleansUp() throws {
        let home = TemporaryDirectory(prefix: "pgentra-try")
        let environment = [
            "PATH": "/usr/bin:/bin", "HOME": home.path, "LANG": "C.UTF-8", "TERM": "dumb",
            "BUILD_DIR": BuiltProducts.directory,
        ]
        let terminal = try PseudoTerminal("/bin/bash", [SourceTree.path("scripts/try-it")], environment: environment)
        let banner = try #require(terminal.expect("postgres=> ", timeout: 60), "transcript: \(terminal.transcript)")
        #expect(banner.contains("== pgentra whoami"))
        #expect(banner.contains("pg-reader"))
        #expect(banner.contains("== pgentra exec"))
        let port = try #require(banner.firstMatch(of: /PostgreSQL 15 on 127\.0\.0\.1:(\d+)/).map { Int($0.output.1)! })

        terminal.send("select current_user;\r")
        let result = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(result.contains(" pg-reader\r\n(1 row)"))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit(timeout: 30) == 0, "transcript: \(terminal.transcript)")
        #expect(!Self.accepts(port), "the throwaway PostgreSQL still listens on \(port)")
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
