import Foundation
import TestSupport
@testable import PGEntraDatabase
@testable import PGEntraOutput
@testable import PGEntraShell
@testable import PGEntraSystem

/// A session without a server or a terminal whose three ways out are captured: the process's
/// stdout (`standardOutput`), the query output (`\o`, `-o`) and diagnostics. It is how the
/// shell's unit tests see what psql would print, and where.
final class CapturedSession {
    let session: Session
    private let stdout = ByteSink(.memory)
    private let queryOutput: ByteSink?
    private let errors = ErrorLines()
    private let directory = TemporaryDirectory(prefix: "pgentra-captured")

    /// `separateQueryOutput`: as with `-o FILE`, query output apart from stdout.
    init(separateQueryOutput: Bool = false) {
        let queryOutput = separateQueryOutput ? ByteSink(.memory) : nil
        let errors = errors
        session = Session(
            connection: nil, connector: Connector(passwords: nil, environmentSSLMode: false, warn: { _ in }),
            variables: Variables(), printOptions: PrintOptions(), standardOutput: stdout, output: queryOutput,
            log: nil, interactive: false, diagnostics: { errors.append($0) })
        self.queryOutput = queryOutput
    }

    /// What reached stdout so far.
    var standardOutput: String { Self.text(of: stdout) }
    /// What reached the separate query output so far (empty when there is none).
    var queryOutputText: String { queryOutput.map(Self.text(of:)) ?? "" }
    /// What reached stderr so far.
    var diagnostics: String { errors.text }

    /// Where `runScript` writes a script named `name`: psql's messages name it by this path.
    func scriptPath(_ name: String = "script.sql") -> String {
        directory.file(name)
    }

    /// Runs `lines` as a script file (`-f PATH`), as MainLoop reads one.
    @discardableResult
    func runScript(_ lines: String, name: String = "script.sql") throws -> ExitStatus {
        let path = scriptPath(name)
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
        return MainLoop(session: session).runFile(path, displayName: name)
    }

    private static func text(of sink: ByteSink) -> String {
        sink.flush()
        return String(decoding: sink.captured, as: UTF8.self)
    }

    private final class ErrorLines: @unchecked Sendable {
        private(set) var text = ""
        func append(_ line: String) { text += line }
    }
}
