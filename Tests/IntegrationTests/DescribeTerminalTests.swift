import Foundation
import TestSupport
import Testing

/// The `\d` family's goldens (issue 4 item 7): each command typed at the interactive psql 18.6 and
/// at the interactive pgentra, both on a pseudo-terminal against the same server, database and
/// role; what each prints between the line it echoed and its next prompt must be the same bytes.
/// The reference psql is built without a line editor, so it reads the terminal a line at a time
/// and the terminal echoes; pgentra's libedit reads key by key and echoes itself.
/// The banners differ by design (pgentra names itself and the identity) and are not compared;
/// the prompts are the same text by default, and are cut off rather than compared.
@Suite(.serialized) struct DescribeTerminalTests {
    static let commands = [
        "\\l", "\\dt", "\\dt+", "\\dt public.*", "\\dt inventory.*", "\\d", "\\d+", "\\d items", "\\d+ items",
        "\\d orders", "\\d+ orders", "\\d inventory.stock", "\\dv", "\\dv+", "\\d+ cheap_items", "\\dm",
        "\\d item_counts", "\\di", "\\di+", "\\d items_name_idx", "\\ds", "\\d invoice_no", "\\dn", "\\dn+",
        "\\du", "\\du+", "\\df", "\\df+", "\\df add_one", "\\df add_one int", "\\df add_one bigint", "\\df add_one -",
        "\\df restock INT", "\\dfp",
        "\\dx", "\\dx+ pg_trgm", "\\db", "\\dT", "\\dT+ mood", "\\dT int", "\\dT int[]", "\\dT+ float8[]", "\\dT posint", "\\dS pg_class",
        "\\dtS pg_class", "\\d pg_am", "\\d measurements", "\\d+ measurements", "\\d measurements_2024",
        "\\d+ measurements_default", "\\d measurements_taken_idx",
        "\\d+ measurements_taken_idx", "\\d nosuch", "\\dt nosuch",
    ]

    /// Starts `terminal`'s shell, types `command`, and returns what it printed in answer: the
    /// text after the echoed line, before the next prompt.
    static func answer(to command: String, on terminal: PseudoTerminal, lineEditor: Bool) throws -> String {
        let prompt = DescribeTerminalServer.prompt
        try #require(terminal.expect(prompt) != nil, "no first prompt: \(terminal.transcript)")
        if lineEditor {
            try #require(terminal.waitForKeyByKeyInput(), "the editor never read keys: \(terminal.transcript)")
        }
        terminal.send(command + "\r")
        let reply = try #require(terminal.expect(prompt), "no prompt after \(command): \(terminal.transcript)")
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "\\q: \(terminal.transcript)")
        let echoed = try #require(reply.range(of: "\r\n"), "no echo of \(command): \(reply.debugDescription)")
        #expect(reply[..<echoed.lowerBound].hasSuffix(command), "the echo: \(reply.debugDescription)")
        return String(reply[echoed.upperBound...].dropLast(prompt.count))
    }

    @Test(arguments: commands)
    func printsWhatPsqlPrints(_ command: String) throws {
        let server = try DescribeTerminalServer.shared.get()
        let expected = try Self.answer(to: command, on: try server.psql(), lineEditor: false)
        let actual = try Self.answer(to: command, on: try server.pgentra(), lineEditor: true)
        #expect(!expected.isEmpty)
        #expect(actual == expected, "\(command)\n--- psql:\n\(expected)\n--- pgentra:\n\(actual)")
    }
}
