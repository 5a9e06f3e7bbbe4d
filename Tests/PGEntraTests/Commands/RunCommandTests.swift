import Foundation
import Testing
@testable import PGEntraCommands

@Suite struct RunCommandTests {
    /// `--print-env`'s quoting, read back by a real POSIX shell: every byte survives.
    @Test(arguments: ["", "plain", "it's", "''", "a b\tc\nd", "$HOME `id` \\ \" ;|&", "é€"])
    func printedValuesEvaluateToThemselves(_ value: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf %s \(RunCommand.shellQuoted(value))"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output, as: UTF8.self) == value)
    }
}
