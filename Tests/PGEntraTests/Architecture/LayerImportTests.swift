import Foundation
import TestSupport
import Testing

/// The layers as Package.swift declares them, held against every file's imports. SwiftPM lets a
/// target import whatever its dependencies import (and `--explicit-target-dependency-import-check`
/// does nothing on Linux with Swift 6.3), so without this test Proxy could import Output through
/// Database, or Shell libpq through Database, and still build.
@Suite struct LayerImportTests {
    /// Each product target of Package.swift (Sources/<name>) and the modules it names.
    static func declaredDependencies(in manifest: String) -> [String: Set<String>] {
        var declared: [String: Set<String>] = [:]
        let target = /\.(?:target|executableTarget)\(\s*name:\s*"([A-Za-z-]+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?/
        for match in manifest.matches(of: target) {
            let names = match.output.2.map { list in list.matches(of: /"([A-Za-z-]+)"/).map { String($0.output.1) } } ?? []
            declared[String(match.output.1)] = Set(names)
        }
        return declared
    }

    /// The package's own modules a source file imports (its layers and C libraries).
    static func packageImports(of text: String, among modules: Set<String>) -> Set<String> {
        var imported: Set<String> = []
        for line in text.split(separator: "\n") {
            guard let match = line.wholeMatch(of: /(?:@testable )?import ([A-Za-z]+)\s*/) else { continue }
            let module = String(match.output.1)
            if modules.contains(module) { imported.insert(module) }
        }
        return imported
    }

    @Test func everyTargetImportsOnlyWhatPackageSwiftNames() throws {
        let declared = Self.declaredDependencies(in: SourceTree.contents("Package.swift"))
        let layers = declared.keys.filter { $0.hasPrefix("PGEntra") && !$0.contains("Fuzz") }
        #expect(Set(layers) == ["PGEntraSystem", "PGEntraIdentity", "PGEntraOutput", "PGEntraDatabase", "PGEntraScanner",
                                "PGEntraShell", "PGEntraProxy", "PGEntraCommands"])
        // Foundation too: no target names it, so none may import it (the product's binary needs
        // none of it, and libcurl, not URLSession, does its HTTP).
        let modules = Set(declared.keys).union(["CLibpq", "CLibedit", "COpenSSL", "CCurl", "CLinux", "Foundation", "FoundationEssentials"])
        let sources = SourceTree.path("Sources")
        var checked = 0
        for target in layers + ["pgentra"] {
            let allowed = try #require(declared[target])
            let files = try #require(FileManager.default.enumerator(atPath: "\(sources)/\(target)")?.allObjects as? [String])
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: "\(sources)/\(target)/\(file)", encoding: .utf8)
                let stray = Self.packageImports(of: text, among: modules).subtracting(allowed)
                #expect(stray.isEmpty, "\(target)/\(file) imports \(stray.sorted()), which Package.swift does not give \(target)")
                checked += 1
            }
        }
        #expect(checked > 250, "read only \(checked) files")
    }

    /// The check can fail: a Proxy file importing Output, which Proxy does not depend on.
    @Test func aStrayImportIsFound() {
        let declared = Self.declaredDependencies(in: SourceTree.contents("Package.swift"))
        let stray = Self.packageImports(of: "import PGEntraOutput\nimport PGEntraDatabase\n", among: ["PGEntraOutput", "PGEntraDatabase"])
            .subtracting(declared["PGEntraProxy"] ?? [])
        #expect(stray == ["PGEntraOutput"])
        #expect(declared["PGEntraShell"]?.contains("CLibpq") == false, "only Database speaks libpq")
    }
}
