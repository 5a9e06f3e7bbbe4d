#if canImport(Glibc)
import Glibc
#endif

/// The arguments of `\watch [i[nterval]=SEC] [c[ount]=TIMES] [m[in_rows]=ROWS] [SEC]`, read as
/// psql 17+'s exec_command_watch reads them: a bare argument is the interval, each option may
/// come once, and the first bad one ends the command.
struct WatchOptions: Equatable {
    /// Seconds between runs; 0 runs again at once.
    var interval = 2.0
    /// How many runs; 0 is no limit.
    var count = 0
    /// Stop once a run returns fewer rows than this; 0 never stops for that.
    var minRows = 0

    /// Why psql refuses the arguments; each description is psql's message.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case intervalTwice
        case badInterval(String)
        case countTwice
        case badCount(String)
        case minRowsTwice
        case badMinRows(String)
        case unknownParameter(String)

        var description: String {
            switch self {
            case .intervalTwice: "\\watch: interval value is specified more than once"
            case .badInterval(let text): "\\watch: incorrect interval value \"\(text)\""
            case .countTwice: "\\watch: iteration count is specified more than once"
            case .badCount(let text): "\\watch: incorrect iteration count \"\(text)\""
            case .minRowsTwice: "\\watch: minimum row count specified more than once"
            case .badMinRows(let text): "\\watch: incorrect minimum row count \"\(text)\""
            case .unknownParameter(let text): "\\watch: unrecognized parameter \"\(text)\""
            }
        }
    }

    /// Reads the arguments in order; `arguments` yields each one as psql's OT_NORMAL does.
    /// `interval` is the default, psql 18's WATCH_INTERVAL.
    static func parse(_ arguments: [String], interval defaultInterval: Double = 2) throws(Problem) -> WatchOptions {
        var options = WatchOptions(interval: defaultInterval)
        var seen = (interval: false, count: false, minRows: false)
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                guard !seen.interval else { throw .intervalTwice }
                seen.interval = true
                options.interval = try interval(argument)
                continue
            }
            let value = String(argument[argument.index(after: equals)...])
            if argument.hasPrefix("i=") || argument.hasPrefix("interval=") {
                guard !seen.interval else { throw .intervalTwice }
                seen.interval = true
                options.interval = try interval(value)
            } else if argument.hasPrefix("c=") || argument.hasPrefix("count=") {
                guard !seen.count else { throw .countTwice }
                seen.count = true
                guard let count = positiveInteger(value) else { throw .badCount(value) }
                options.count = count
            } else if argument.hasPrefix("m=") || argument.hasPrefix("min_rows=") {
                guard !seen.minRows else { throw .minRowsTwice }
                seen.minRows = true
                guard let rows = positiveInteger(value) else { throw .badMinRows(value) }
                options.minRows = rows
            } else {
                throw .unknownParameter(argument)
            }
        }
        return options
    }

    /// strtod over the whole text: negative, junk after the number, NaN and overflow are refused.
    private static func interval(_ text: String) throws(Problem) -> Double {
        let parsed: Double? = text.withCString { start in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let value = strtod(start, &end)
            // psql takes NaN and then sleeps an undefined time; it is refused here.
            guard let end, end.pointee == 0, errno != ERANGE, !(value < 0), !value.isNaN else { return nil }
            return value
        }
        guard let seconds = parsed else { throw .badInterval(text) }
        // strtod takes "inf" and 1e30; a wait of a hundred years is long enough.
        return min(seconds, 3.2e9)
    }

    /// psql's strtoint(text, &end, 10) > 0 over the whole text.
    private static func positiveInteger(_ text: String) -> Int? {
        text.withCString { start in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let value = strtol(start, &end, 10)
            guard let end, end.pointee == 0, errno != ERANGE, let number = Int32(exactly: value), number > 0
            else { return nil }
            return Int(number)
        }
    }
}
