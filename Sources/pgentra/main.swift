import PGEntraCommands
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

// argv and the environment are read here, once, and passed down as values.
var variables: [String: String] = [:]
for text in CStringArray.strings(environ, lossless: false) {
    if let equals = text.firstIndex(of: "=") {
        variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
}
for name in Environment.secretNames { unsetenv(name) }
// Losslessly, so that `-c` text that is not UTF-8 reaches the server as psql sends it.
let arguments = CStringArray.strings(CommandLine.unsafeArgv, lossless: true)
exit(Program.run(
    arguments: Array(arguments.dropFirst()), environment: Environment(variables), console: .standard,
    programName: arguments.first ?? "pgentra"))
