/// A position in a script: `pgentra:FILE:LINE: ` before diagnostics from files.
package struct ScriptLocation: Sendable, Equatable {
    /// The script's name as given (`-f` path, `<stdin>` for `-f -`); nil for `-c` and piped stdin.
    var source: String?
    var line: Int

    var prefix: String {
        guard let source else { return "" }
        return "pgentra:\(source):\(line): "
    }
}
