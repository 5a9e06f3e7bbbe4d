import Foundation
import TestSupport
import Testing
@testable import PGEntraShell

/// The history file through libedit, without a terminal (psql-compat.md §9): written 0600,
/// read back at the next start, cut to HISTSIZE entries.
@Suite(.serialized) struct LibeditLineEditorTests {
    @Test func historyIsWrittenPrivatelyAndReadBackAtTheNextStart() throws {
        let directory = TemporaryDirectory(prefix: "pgentra-history")
        let path = directory.file("history")
        let first = LibeditLineEditor(historyPath: path, console: .standard)
        first.addHistory("select 'from the first run';")
        first.saveHistory(limit: 500)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let second = LibeditLineEditor(historyPath: path, console: .standard)
        second.addHistory("select\n'second';")
        second.saveHistory(limit: 500)
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        #expect(contents.contains("first"))
        #expect(contents.contains("second"))
    }

    @Test func aWideningModeIsTightenedOnSave() throws {
        let directory = TemporaryDirectory(prefix: "pgentra-history")
        let path = directory.write("history", "", mode: 0o644)
        let editor = LibeditLineEditor(historyPath: path, console: .standard)
        editor.addHistory("select 1;")
        editor.saveHistory(limit: 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        #expect(contents.contains("select"))
    }
}
