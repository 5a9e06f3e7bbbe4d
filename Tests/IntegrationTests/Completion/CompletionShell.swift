import Foundation
import TestSupport
import Testing

/// bash, zsh or fish with pgentra's completion file loaded, asked what it offers at the end of
/// a command line. `pgentra` is the real binary, first on the environment's PATH, so database
/// names come from a real server.
enum CompletionShell: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case bash, zsh, fish

    var testDescription: String { rawValue }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Offer {
        /// The candidates, as the user would see them inserted (`--credential=` prefixes and
        /// zsh's quoting removed).
        var words: [String]
        /// Whatever else the shell printed: stderr, or the terminal for zsh.
        var output: String
        var seconds: Double
    }

    func complete(_ line: String, in environment: TestEnvironment) throws -> Offer {
        let link = environment.home.file("bin/pgentra")
        if !FileManager.default.fileExists(atPath: link) {
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: BuiltProducts.pgentra)
        }
        let started = Date()
        var offer: Offer
        switch self {
        case .bash: offer = bash(line, environment.variables)
        case .zsh: offer = try zsh(line, environment)
        case .fish: offer = fish(line, environment.variables)
        }
        offer.seconds = Date().timeIntervalSince(started)
        // A value after `--option=`: fish repeats the option, the others do not.
        if let current = line.split(separator: " ", omittingEmptySubsequences: false).last,
           current.hasPrefix("-"), let equals = current.firstIndex(of: "=") {
            let option = current[...equals]
            offer.words = offer.words.map { $0.hasPrefix(option) ? String($0.dropFirst(option.count)) : $0 }
        }
        return offer
    }

    /// bash: the completion function called as readline would, with COMP_WORDS split at blanks
    /// and at `=` (bash's COMP_WORDBREAKS).
    private func bash(_ line: String, _ variables: [String: String]) -> Offer {
        var words: [String] = []
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            let parts = word.split(separator: "=", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 { words.append("=") }
                if !part.isEmpty || index == 0 { words.append(String(part)) }
            }
        }
        let script = """
        source "$COMPLETION_FILE"
        COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=$LINE; COMP_POINT=${#LINE}
        _pgentra
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        var environment = variables
        environment["COMPLETION_FILE"] = SourceTree.path("completions/pgentra.bash")
        environment["LINE"] = line
        let result = ChildProcess.run("/bin/bash", ["-c", script, "bash"] + words, environment: environment)
        return Offer(words: result.stdout.split(separator: "\n").map(String.init), output: result.stderr, seconds: 0)
    }

    /// fish: `complete -C`, which prints what Tab would offer, one `candidate<TAB>description` a line.
    private func fish(_ line: String, _ variables: [String: String]) -> Offer {
        let result = ChildProcess.run(
            "/usr/bin/fish", ["--no-config", "-c", "source $argv[1]; complete -C $argv[2]",
                              SourceTree.path("completions/pgentra.fish"), line],
            environment: variables)
        let words = result.stdout.split(separator: "\n").map { String($0.split(separator: "\t", maxSplits: 1)[0]) }
        return Offer(words: words, output: result.stderr, seconds: 0)
    }

    /// zsh: an interactive zsh on a pseudo-terminal with compinit and the completion on $fpath,
    /// Tab bound to a widget that completes and then marks that it is done; a `compadd` wrapper
    /// writes every candidate zsh accepted for the word to a file (zsh has no `complete -C`).
    private func zsh(_ line: String, _ environment: TestEnvironment) throws -> Offer {
        let directory = TemporaryDirectory(prefix: "pgentra-zsh")
        let capture = directory.file("offered")
        directory.write(".zshrc", """
        fpath=(\(SourceTree.path("completions")) $fpath)
        autoload -Uz compinit && compinit -u -d \(directory.file(".zcompdump"))
        unsetopt auto_list auto_menu list_beep beep
        compadd() {
          if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "$@"; return; fi
          local -a __hits
          builtin compadd -A __hits "$@"
          (( $#__hits )) && print -rl -- "${(@)__hits}" >> \(capture)
          builtin compadd "$@"
        }
        capture-complete() { : > \(capture); zle complete-word; print -r -- done > \(capture).done }
        zle -N capture-complete
        bindkey '^I' capture-complete
        PS1='READY> '
        """)
        var variables = environment.variables
        variables["ZDOTDIR"] = directory.path
        variables["TERM"] = "xterm"
        // -d: no global startup files (Debian's would run compinit on its own).
        let terminal = try PseudoTerminal("/usr/bin/zsh", ["-d", "-i"], environment: variables)
        guard terminal.expect("READY> ", timeout: 20) != nil else {
            throw Failure(description: "zsh did not start: \(terminal.transcript)")
        }
        terminal.send(line + "\t")
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: capture + ".done") && Date() < deadline {
            _ = terminal.expect("\u{0}", timeout: 0.05)
        }
        guard FileManager.default.fileExists(atPath: capture + ".done") else {
            throw Failure(description: "zsh did not complete: \(terminal.transcript)")
        }
        let offered = (try? String(contentsOfFile: capture, encoding: .utf8)) ?? ""
        let words = offered.split(separator: "\n").map { $0.replacingOccurrences(of: "\\", with: "") }
        let prompt = terminal.transcript.range(of: "READY> ").map { String(terminal.transcript[$0.upperBound...]) } ?? ""
        return Offer(words: words, output: prompt, seconds: 0)
    }
}
