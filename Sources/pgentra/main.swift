import PGEntraCommands
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

// argv and the environment are read here, once, and passed down as values.
var variables: [String: String] = [:]
var entry = environ
while let pointer = entry.pointee {
    let text = String(cString: pointer)
    if let equals = text.firstIndex(of: "=") {
        variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    entry += 1
}
for name in Environment.secretNames { unsetenv(name) }
// Losslessly, so that `-c` text that is not UTF-8 reaches the server as psql sends it.
let arguments = (0..<Int(CommandLine.argc)).map { index in
    CommandLine.unsafeArgv[index].map { LosslessText.string(cString: $0) } ?? ""
}
exit(Program.run(
    arguments: Array(arguments.dropFirst()), environment: Environment(variables), console: .standard,
    programName: arguments.first ?? "pgentra"))
