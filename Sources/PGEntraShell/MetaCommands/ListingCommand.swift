/// Which listing command a name is, as psql 18's command.c tells them apart: exec_command_d
/// switches on the letter after `d` and, for some commands, the one after that, and takes the
/// rest of the name as options (`S` for system objects, `+` for more detail, `x` for expanded
/// output, and a few commands' own letters), ignoring letters it does not know except where a
/// case below checks them; exec_command_list takes `+` and `x` after `\l` once each,
/// exec_command_lo anything after `\lo_list`, and exec_command_z only `S` and `x`.
enum ListingCommand {
    /// The key of the table row that runs `name` (`dAc` for `\dAc+`, `d` for `\dS+`), or nil
    /// for a name psql calls an invalid command.
    static func key(for name: String) -> String? {
        if name.hasPrefix("lo_list") { return "lo_list" }
        if name.hasPrefix("z") { return ["z", "zS", "zx", "zSx", "zxS"].contains(name) ? "z" : nil }
        if name.hasPrefix("l") { return databaseListings.contains(name) ? "l" : nil }
        guard name.hasPrefix("d") else { return nil }
        let letters = Array(name.dropFirst())
        let second = letters.first
        let third = letters.dropFirst().first
        guard let second else { return "d" }
        switch second {
        case "+", "S": return "d"
        case "a", "b", "C", "D", "E", "g", "i", "l", "L", "m", "n", "o", "O", "p", "s", "t", "T", "u", "v", "x", "X", "y":
            return "d" + String(second)
        case "A":
            switch third {
            case nil, "+", "x": return "dA"
            case let letter? where "cfop".contains(letter): return "dA" + String(letter)
            default: return nil
            }
        case "c": return name.hasPrefix("dconfig") ? "dconfig" : "dc"
        case "d": return name.hasPrefix("ddp") ? "ddp" : "dd"
        case "e": return third.flatMap { "suwt".contains($0) ? "de" + String($0) : nil }
        case "f":
            // describeFunctions checks the letters after the third itself.
            switch third {
            case nil, "+", "S", "a", "n", "p", "t", "w", "x": return "df"
            default: return nil
            }
        case "F":
            switch third {
            case nil, "+", "x": return "dF"
            case let letter? where "pdt".contains(letter): return "dF" + String(letter)
            default: return nil
            }
        case "P":
            switch third {
            case nil, "+", "t", "i", "n", "x": return "dP"
            default: return nil
            }
        case "r": return name.hasPrefix("drds") ? "drds" : name.hasPrefix("drg") ? "drg" : nil
        case "R": return third.flatMap { "ps".contains($0) ? "dR" + String($0) : nil }
        default: return nil
        }
    }

    private static let databaseListings: Set<String> = Set(["l", "list"].flatMap { base in ["", "+", "x", "+x", "x+"].map { base + $0 } })
}
