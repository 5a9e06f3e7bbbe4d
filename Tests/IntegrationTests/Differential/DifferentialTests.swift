import Foundation
import Testing
import TestSupport

/// The same input through the real psql 15 and pgentra against the same server: stdout, stderr
/// (program name normalised) and exit status must be identical (issue 3).
@Suite(.serialized) struct DifferentialTests {
    /// psql's name at the start of each stderr line becomes pgentra's.
    static func normalise(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("psql:") ? "pgentra:" + line.dropFirst(5) : String(line)
        }.joined(separator: "\n")
    }

    @Test(arguments: DifferentialCase.all)
    func matchesPsql(_ testCase: DifferentialCase) throws {
        let server = DifferentialServer.shared
        let directory = server.scratch.makeDirectory(testCase.name.replacingOccurrences(of: " ", with: "-"), mode: 0o755)
        for (name, contents) in testCase.files {
            try contents.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
        }
        var stdinPath: String?
        if let input = testCase.standardInput {
            stdinPath = "\(directory)/stdin.sql"
            try input.write(toFile: stdinPath!, atomically: true, encoding: .utf8)
        }
        func arguments(_ output: String) -> [String] {
            testCase.arguments.map {
                $0.replacingOccurrences(of: "{dir}", with: directory).replacingOccurrences(of: "{out}", with: output)
            }
        }
        let psqlOut = "\(directory)/psql.out"
        let pgentraOut = "\(directory)/pgentra.out"
        let psqlArguments: [String]
        let pgentraArguments: [String]
        switch testCase.mode {
        case .plain:
            psqlArguments = ["-X"] + arguments(psqlOut)
            pgentraArguments = ["-X"] + arguments(pgentraOut)
        case .exec:
            psqlArguments = ["-X", "-v", "ON_ERROR_STOP=1"] + arguments(psqlOut)
            pgentraArguments = ["exec"] + arguments(pgentraOut)
        }
        let expected = server.psql(psqlArguments, standardInput: stdinPath, overrides: testCase.overrides)
        let actual = server.pgentra(pgentraArguments, standardInput: stdinPath, overrides: testCase.overrides)

        #expect(actual.status == expected.status, "exit status")
        #expect(actual.stdout == expected.stdout, "stdout")
        let normalised = Self.normalise(expected.stderr)
        #expect(actual.stderr == normalised, "stderr")
        if testCase.writesOutputFile {
            let want = try String(contentsOfFile: psqlOut, encoding: .utf8)
            let got = try String(contentsOfFile: pgentraOut, encoding: .utf8)
            #expect(got == want, "output file")
        }
    }

    @Test func theSuiteIsLargeAndCoversBothForms() {
        #expect(DifferentialCase.all.count >= 80)
        #expect(Set(DifferentialCase.all.map(\.name)).count == DifferentialCase.all.count)
        #expect(DifferentialCase.all.contains { $0.mode == .exec })
    }
}
