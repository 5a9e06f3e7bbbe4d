import PGEntraShell
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `~/.pgentrarc` (cli.md "Startup file"), read as psql reads `~/.psqlrc` (startup.c
/// process_psqlrc): after the first connection and before the banner, the `-c`/`-f` actions or
/// the first prompt, unless `-X`. PGENTRARC names another file (a leading `~` is the home).
/// As psql prefers `FILE-15.20`, then `FILE-15`, then FILE, pgentra prefers `FILE-<version>`,
/// then `FILE-<major version>`. Its errors carry the `pgentra:FILE:LINE:` prefix and never end
/// the run; there is no system-wide file.
struct StartupFile {
    let path: String

    /// The file to read, or nil when no home is known (psql then reads none either).
    init?(environment: Environment) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        if let named = environment["PGENTRARC"], !named.isEmpty {
            if named == "~" || named.hasPrefix("~/") {
                guard let home else { return nil }
                path = home + named.dropFirst()
            } else {
                path = named
            }
        } else if let home {
            path = home + "/.pgentrarc"
        } else {
            return nil
        }
    }

    /// The version-specific variant that exists, else the file itself if readable.
    var readablePath: String? {
        let major = Product.version.split(separator: ".").first.map(String.init) ?? Product.version
        return ["\(path)-\(Product.version)", "\(path)-\(major)", path].first { access($0, R_OK) == 0 }
    }

    /// Runs the file in `session` if there is one.
    func run(in session: Session) {
        guard let file = readablePath else { return }
        _ = MainLoop(session: session).runFile(file, displayName: file)
    }
}
