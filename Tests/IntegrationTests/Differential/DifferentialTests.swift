import Foundation
import PGEntraSystem
import TestSupport
import Testing

/// The same input through the reference psql 18.6 and pgentra against the same server, on each
/// release in `PostgresRelease.servers` (15, 16, 17 and 18): stdout, stderr (program name
/// normalised) and exit status must be identical (issues 3 and 9).
@Suite(.serialized) struct DifferentialTests {
    /// psql's name at the start of each stderr line becomes pgentra's, and so does its argv[0],
    /// which glibc's getopt messages begin with, and the name in the hint after a bad option.
    static func normalise(_ text: String) -> String {
        let argv0 = References.psql + ":"
        let tryHelp = "psql: hint: Try \"psql --help\" for more information."
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix(argv0) { return BuiltProducts.pgentra + ":" + line.dropFirst(argv0.count) }
            if line == tryHelp { return "pgentra: hint: Try \"pgentra --help\" for more information." }
            return line.hasPrefix("psql:") ? "pgentra:" + line.dropFirst(5) : String(line)
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

    /// Each aligned "Connection Information" table (`\conninfo`) becomes its title unindented,
    /// `Parameter=Value` lines without the rows named in `dropped`, the backend PID masked, and
    /// a row count of what is left; everything else stays as it was. A table ends at its row
    /// count or, printed without a footer, at the blank line after it; a line inside it that is
    /// no row is kept, so nothing pgentra prints escapes the comparison.
    static func flattenConnectionTables(_ text: String, dropping dropped: [String]) -> String {
        var lines: [String] = []
        var kept = 0
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !inTable {
                // The title is centred over the table, so its indent follows the table's width.
                inTable = trimmed == "Connection Information"
                lines.append(inTable ? trimmed : line)
                if inTable { kept = -1 }  // the header row is not counted
                continue
            }
            if trimmed.wholeMatch(of: /\(\d+ rows?\)/) != nil {
                lines.append("(\(kept) rows)")
                inTable = false
                continue
            }
            if trimmed.isEmpty {  // the end of a table printed without a footer
                lines.append(line)
                inTable = false
                continue
            }
            if trimmed.allSatisfy({ "+-".contains($0) }) { continue }  // a rule
            let inner = trimmed.trimmingPrefix("|").trimmingCharacters(in: .whitespaces)
            let cells = (inner.hasSuffix("|") ? String(inner.dropLast()) : inner)
                .split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else {  // not a row of this table: compared as it is
                lines.append(line)
                continue
            }
            if dropped.contains(cells[0]) { continue }
            lines.append(cells[0] + "=" + (cells[0] == "Backend PID" ? "(pid)" : cells[1]))
            kept += 1
        }
        return lines.joined(separator: "\n")
    }

    /// Every case on every release that has what it needs. While working on a few cases,
    /// `PGENTRA_DIFFERENTIAL_ONLY=crosstab,bind` runs only those whose names contain one of the
    /// words; `everyCaseRunsOnTheNewestServer` then fails, so a filtered run never passes as a
    /// whole one.
    static let runs: [DifferentialRun] = PostgresRelease.servers.flatMap { release in
        DifferentialCase.every
            .filter { $0.minimumServerVersion.map { release.major * 10000 >= $0 } ?? true }
            .filter { testCase in
                guard let only = ProcessInfo.processInfo.environment["PGENTRA_DIFFERENTIAL_ONLY"] else { return true }
                return only.split(separator: ",").contains { testCase.name.contains($0) }
            }
            .map { DifferentialRun(testCase: $0, release: release) }
    }

    @Test(arguments: runs)
    func matchesPsql(_ run: DifferentialRun) throws {
        let (testCase, server) = (run.testCase, try DifferentialServer.shared(run.release))
        let slug = testCase.name.replacingOccurrences(of: " ", with: "-")
        let directory = server.scratch.makeDirectory(slug, mode: 0o755)
        for (name, contents) in testCase.files {
            try Data(contents).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
        }
        var stdinPath: String?
        if let input = testCase.standardInput {
            stdinPath = "\(directory)/stdin.sql"
            try Data(input).write(to: URL(fileURLWithPath: stdinPath!))
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
        // Output is captured byte for byte (LosslessText), so bytes that are not UTF-8 are
        // compared as they are, not as U+FFFD on both sides.
        let psqlRun = server.scratch.makeDirectory(slug + "-psql", mode: 0o755)
        let pgentraRun = server.scratch.makeDirectory(slug + "-pgentra", mode: 0o755)
        let expected = server.psql(psqlArguments, standardInput: stdinPath, overrides: testCase.overrides, byteExact: psqlRun)
        let actual = server.pgentra(pgentraArguments, standardInput: stdinPath, overrides: testCase.overrides, byteExact: pgentraRun)

        #expect(actual.status == expected.status, "exit status")
        func comparable(_ text: String) -> String {
            testCase.pgentraOnlyRows.isEmpty ? text : Self.flattenConnectionTables(text, dropping: testCase.pgentraOnlyRows)
        }
        var (got, want) = (comparable(actual.stdout), comparable(expected.stdout))
        if testCase.masksTiming { (got, want) = (Self.maskTiming(got), Self.maskTiming(want)) }
        if testCase.masksDates { (got, want) = (Self.maskDates(got), Self.maskDates(want)) }
        // String equality is canonical equivalence (a precomposed é equals e + U+0301); the
        // bytes must be the same.
        #expect(got == want, "stdout")
        #expect(got == want ? Array(got.utf8) == Array(want.utf8) : true, "stdout bytes")
        let normalised = Self.normalise(expected.stderr)
        #expect(actual.stderr == normalised, "stderr")
        #expect(actual.stderr == normalised ? Array(actual.stderr.utf8) == Array(normalised.utf8) : true, "stderr bytes")
        if testCase.writesOutputFile {
            func contents(_ path: String) throws -> String {
                LosslessText.string(decoding: try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            let want = comparable(try contents(psqlOut))
            let got = comparable(try contents(pgentraOut))
            #expect(got == want, "output file")
            #expect(got == want ? Array(got.utf8) == Array(want.utf8) : true, "output file bytes")
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
