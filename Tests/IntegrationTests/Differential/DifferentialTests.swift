import Foundation
import Testing
import TestSupport

/// The same input through the reference psql 18.6 and pgentra against the same server, on each
/// release in `PostgresRelease.servers` (15, 16, 17 and 18): stdout, stderr (program name
/// normalised) and exit status must be identical (issues 3 and 9).
@Suite(.serialized) struct DifferentialTests {
    /// psql's name at the start of each stderr line becomes pgentra's.
    static func normalise(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("psql:") ? "pgentra:" + line.dropFirst(5) : String(line)
        }.joined(separator: "\n")
    }

    /// `Time: 0.370 ms` and `Time: 1203.770 ms (00:01.204)` lines become `Time: (masked)`.
    static func maskTiming(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("Time: "), line.contains(" ms") else { return String(line) }
            let number = line.dropFirst(6).prefix { $0 != " " }
            let parts = number.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 3, (parts + []).allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                return String(line)
            }
            return "Time: (masked)"
        }.joined(separator: "\n")
    }

    /// strftime's `%c` in the C locale, as `\watch` titles show it, becomes `(date)`.
    static func maskDates(_ text: String) -> String {
        text.replacing(/[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d \d{4}/, with: "(date)")
    }

    static func dropLines(_ text: String, startingWith prefixes: [String]) -> String {
        guard !prefixes.isEmpty else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !prefixes.contains { line.hasPrefix($0) } }
            .joined(separator: "\n")
    }

    /// Every case on every release that has what it needs.
    static let runs: [DifferentialRun] = PostgresRelease.servers.flatMap { release in
        DifferentialCase.every
            .filter { $0.minimumServerVersion.map { release.major * 10000 >= $0 } ?? true }
            .map { DifferentialRun(testCase: $0, release: release) }
    }

    @Test(arguments: runs)
    func matchesPsql(_ run: DifferentialRun) throws {
        let (testCase, server) = (run.testCase, try DifferentialServer.shared(run.release))
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
        var (got, want) = (Self.dropLines(actual.stdout, startingWith: testCase.pgentraOnlyLines), expected.stdout)
        if testCase.masksTiming { (got, want) = (Self.maskTiming(got), Self.maskTiming(want)) }
        if testCase.masksDates { (got, want) = (Self.maskDates(got), Self.maskDates(want)) }
        #expect(got == want, "stdout")
        let normalised = Self.normalise(expected.stderr)
        #expect(actual.stderr == normalised, "stderr")
        if testCase.writesOutputFile {
            let want = try String(contentsOfFile: psqlOut, encoding: .utf8)
            let got = try String(contentsOfFile: pgentraOut, encoding: .utf8)
            #expect(got == want, "output file")
        }
    }

    @Test func everyCaseRunsOnTheNewestServer() {
        #expect(Self.runs.filter { $0.release == .v18 }.count == DifferentialCase.every.count)
        #expect(Set(Self.runs.map(\.release)) == Set(PostgresRelease.servers))
    }

    @Test func theSuiteIsLargeAndCoversBothForms() {
        #expect(DifferentialCase.all.count >= 80)
        let names = DifferentialCase.every.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(DifferentialCase.all.contains { $0.mode == .exec })
    }
}

/// One case on one server release.
struct DifferentialRun: Sendable, CustomTestStringConvertible {
    let testCase: DifferentialCase
    let release: PostgresRelease

    var testDescription: String { "\(testCase.name) on \(release)" }
}
