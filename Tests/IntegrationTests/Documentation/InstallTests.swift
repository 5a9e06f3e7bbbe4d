import Foundation
import TestSupport
import Testing

/// `make install-files` (what `make install` runs after the release build) puts the binary, the
/// man page and the completions where their tools look, with the right modes, under DESTDIR and
/// PREFIX; `make uninstall` removes exactly those files. The test installs the debug binary it
/// already has rather than building a release one.
@Suite struct InstallTests {
    private let installed: [(path: String, source: String?, mode: Int)] = [
        ("bin/pgentra", nil, 0o755),
        ("share/man/man1/pgentra.1", "man/pgentra.1", 0o644),
        ("share/bash-completion/completions/pgentra", "completions/pgentra.bash", 0o644),
        ("share/zsh/site-functions/_pgentra", "completions/_pgentra", 0o644),
        ("share/fish/vendor_completions.d/pgentra.fish", "completions/pgentra.fish", 0o644),
    ]

    private func make(_ arguments: [String]) -> ChildProcess.Result {
        ChildProcess.run("/usr/bin/make", ["-s", "-C", SourceTree.root] + arguments,
                         environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
    }

    @Test func installsIntoDestdirAndPrefixThenUninstalls() throws {
        let destination = TemporaryDirectory(prefix: "pgentra-install")
        let prefix = "/opt/pgentra-test"
        let variables = ["DESTDIR=\(destination.path)", "PREFIX=\(prefix)"]
        let install = make(["install-files", "INSTALL_BIN=\(BuiltProducts.pgentra)"] + variables)
        #expect(install.status == 0, "make install-files: \(install.stderr)")
        let root = destination.path + prefix
        for file in installed {
            let path = "\(root)/\(file.path)"
            let attributes = try #require(try? FileManager.default.attributesOfItem(atPath: path), "\(file.path) not installed")
            #expect((attributes[.posixPermissions] as? Int) == file.mode, "\(file.path) mode")
            if let source = file.source {
                #expect(FileManager.default.contentsEqual(atPath: path, andPath: SourceTree.path(source)), "\(file.path) differs from \(source)")
            }
        }
        let version = ChildProcess.run("\(root)/bin/pgentra", ["--version"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("pgentra "))

        let uninstall = make(["uninstall"] + variables)
        #expect(uninstall.status == 0, "make uninstall: \(uninstall.stderr)")
        for file in installed {
            #expect(!FileManager.default.fileExists(atPath: "\(root)/\(file.path)"), "\(file.path) left behind")
        }
    }

    @Test func refusesToInstallABinaryThatIsNotThere() {
        let destination = TemporaryDirectory(prefix: "pgentra-install")
        let result = make(["install-files", "INSTALL_BIN=/nonexistent/pgentra", "DESTDIR=\(destination.path)"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/pgentra is missing: run make release first"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: destination.path))?.isEmpty == true)
    }
}
