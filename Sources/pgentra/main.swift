import PGEntra

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
exit(Program.run(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: Environment(variables),
    programName: CommandLine.arguments.first ?? "pgentra"))
