import PGEntraOutput
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// psql's variables (`\set`, `-v`, `:name`), with the special ones validated as psql does
/// (psql-compat.md §10): a bad value is refused with psql's message and the old value kept.
package struct Variables: Sendable {
    private(set) var values: [String: String]

    package init() {
        values = Self.defaults.merging(Self.startup) { $1 }
    }

    /// What psql's main sets once, with no hook to restore them: the client's version, which
    /// for pgentra is the psql whose behaviour it follows, so scripts that test VERSION_NUM take
    /// psql 18's path; and no error yet.
    static let startup: [String: String] = [
        "VERSION": "pgentra \(Product.version) (PostgreSQL 18.6 psql)", "VERSION_NAME": "18.6", "VERSION_NUM": "180006",
        "LAST_ERROR_MESSAGE": "", "LAST_ERROR_SQLSTATE": "00000",
    ]

    static let defaults: [String: String] = [
        "AUTOCOMMIT": "on", "COMP_KEYWORD_CASE": "preserve-upper", "ECHO": "none", "ECHO_HIDDEN": "off",
        "FETCH_COUNT": "0", "HIDE_TABLEAM": "off", "HIDE_TOAST_COMPRESSION": "off", "HISTCONTROL": "none", "HISTSIZE": "500", "IGNOREEOF": "0",
        "ON_ERROR_ROLLBACK": "off", "ON_ERROR_STOP": "off", "PIPELINE_COMMAND_COUNT": "0", "PIPELINE_RESULT_COUNT": "0",
        "PIPELINE_SYNC_COUNT": "0", "PROMPT1": "%/%R%x%# ", "PROMPT2": "%/%R%x%# ", "PROMPT3": ">> ", "QUIET": "off",
        "SHOW_ALL_RESULTS": "on", "SHOW_CONTEXT": "errors",
        "SINGLELINE": "off", "SINGLESTEP": "off", "VERBOSITY": "default", "WATCH_INTERVAL": "2",
    ]

    /// Allowed values of the enumerated specials, in psql's order (for its error message).
    static let enumerations: [String: [String]] = [
        "ECHO": ["none", "errors", "queries", "all"],
        "ECHO_HIDDEN": ["on", "off", "noexec"],
        "ON_ERROR_ROLLBACK": ["on", "off", "interactive"],
        "COMP_KEYWORD_CASE": ["lower", "upper", "preserve-lower", "preserve-upper"],
        "HISTCONTROL": ["none", "ignorespace", "ignoredups", "ignoreboth"],
        "VERBOSITY": ["default", "verbose", "terse", "sqlstate"],
        "SHOW_CONTEXT": ["never", "errors", "always"],
    ]
    static let booleans: Set<String> = [
        "AUTOCOMMIT", "ON_ERROR_STOP", "QUIET", "SHOW_ALL_RESULTS", "SINGLELINE", "SINGLESTEP", "HIDE_TABLEAM",
        "HIDE_TOAST_COMPRESSION",
    ]
    /// The variables psql hooks (EstablishVariableSpace), which `\gset` refuses to set.
    static let hooked: Set<String> = booleans.union(integers).union(doubles.keys).union(enumerations.keys)
        .union(["IGNOREEOF", "HISTFILE", "PROMPT1", "PROMPT2", "PROMPT3"])
    /// What psql's substitute hooks store when a special is unset (startup.c's
    /// bool_substitute_hook and neighbours): a boolean, or a choice that takes one, becomes
    /// `off` whatever its default (so `\unset AUTOCOMMIT` turns autocommit off), the others
    /// their default; the prompts have no hook and are really unset.
    static let unsetValues: [String: String] = {
        var values = defaults.filter { !$0.key.hasPrefix("PROMPT") }
        for name in booleans.union(["ECHO_HIDDEN", "ON_ERROR_ROLLBACK"]) { values[name] = "off" }
        return values
    }()
    static let integers: Set<String> = ["FETCH_COUNT", "HISTSIZE"]
    /// Numbers with a range (psql 18's ParseVariableDouble): `\watch`'s default interval.
    static let doubles: [String: ClosedRange<Double>] = ["WATCH_INTERVAL": 0...1_000_000]

    package enum Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        case name(String)
        case value(name: String, value: String, expected: String)
        case integer(name: String, value: String)
        case choice(name: String, value: String, allowed: [String])
        /// ParseVariableDouble's refusals: an empty value, no number, one strtod cannot hold,
        /// one outside the range.
        case emptyNumber(name: String)
        case number(name: String, value: String)
        case numberOutOfRange(name: String, value: String)
        case numberBelow(name: String, value: String, minimum: Double)
        case numberAbove(name: String, value: String, maximum: Double)

        package var description: String {
            switch self {
            case .name(let name): "invalid variable name: \"\(name)\""
            case .value(let name, let value, let expected): "unrecognized value \"\(value)\" for \"\(name)\": \(expected)"
            case .integer(let name, let value): "invalid value \"\(value)\" for \"\(name)\": integer expected"
            case .choice(let name, let value, let allowed):
                "unrecognized value \"\(value)\" for \"\(name)\"\nAvailable values are: \(allowed.joined(separator: ", "))."
            case .emptyNumber(let name): "invalid input syntax for variable \"\(name)\""
            case .number(let name, let value): "invalid value \"\(value)\" for variable \"\(name)\""
            case .numberOutOfRange(let name, let value): "value \"\(value)\" is out of range for variable \"\(name)\""
            case .numberBelow(let name, let value, let minimum):
                "invalid value \"\(value)\" for variable \"\(name)\": must be greater than \(Session.format("%.2f", minimum))"
            case .numberAbove(let name, let value, let maximum):
                "invalid value \"\(value)\" for variable \"\(name)\": must be less than \(Session.format("%.2f", maximum))"
            }
        }
    }

    package subscript(_ name: String) -> String? { values[name] }

    /// Sets `name`; nil unsets it (a special variable reverts to its default, as in psql).
    package mutating func set(_ name: String, _ value: String?) throws(Invalid) {
        guard Self.isValidName(name) else { throw .name(name) }
        guard var value else {
            values[name] = Self.unsetValues[name]
            return
        }
        // bool_substitute_hook: `\set NAME` with no value means on.
        if value.isEmpty && (Self.booleans.contains(name) || ["ECHO_HIDDEN", "ON_ERROR_ROLLBACK"].contains(name)) {
            value = "on"
        }
        if Self.booleans.contains(name) {
            guard Self.parseBoolean(value) != nil else {
                throw .value(name: name, value: value, expected: "Boolean expected")
            }
        } else if Self.integers.contains(name) {
            guard Self.parseInteger(value) != nil else { throw .integer(name: name, value: value) }
        } else if let range = Self.doubles[name] {
            _ = try Self.parseDouble(value, name: name, in: range)
        } else if name == "IGNOREEOF" {
            // psql's ignoreeof hook: anything but a number (a bare `\set IGNOREEOF`) means 10.
            values[name] = Self.parseInteger(value) == nil ? "10" : value
            return
        } else if let allowed = Self.enumerations[name] {
            let lower = value.lowercased()
            guard allowed.contains(lower) || (allowed.contains("on") && Self.parseBoolean(value) != nil) else {
                throw .choice(name: name, value: value, allowed: allowed)
            }
        }
        values[name] = value
    }

    package func bool(_ name: String) -> Bool {
        values[name].flatMap(Self.parseBoolean) ?? false
    }

    /// A ranged number (`WATCH_INTERVAL`); its default when it is not one.
    func double(_ name: String) -> Double {
        guard let range = Self.doubles[name], let text = values[name] ?? Self.defaults[name] else { return 0 }
        return (try? Self.parseDouble(text, name: name, in: range)) ?? Double(Self.defaults[name] ?? "") ?? 0
    }

    /// psql 18's ParseVariableDouble: strtod over the whole text, within `range`.
    static func parseDouble(_ text: String, name: String, in range: ClosedRange<Double>) throws(Invalid) -> Double {
        guard !text.isEmpty else { throw .emptyNumber(name: name) }
        let (value, whole, outOfRange) = text.withCString { start in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let value = strtod(start, &end)
            let whole = errno == 0 && end != nil && end != UnsafeMutablePointer(mutating: start) && end?.pointee == 0
            return (value, whole, errno == ERANGE && (value == 0 || value.isInfinite))
        }
        // NaN compares false with both bounds, so it would pass them; it is no number of seconds.
        guard whole, !value.isNaN else {
            throw outOfRange ? .numberOutOfRange(name: name, value: text) : .number(name: name, value: text)
        }
        if value < range.lowerBound { throw .numberBelow(name: name, value: text, minimum: range.lowerBound) }
        if value > range.upperBound { throw .numberAbove(name: name, value: text, maximum: range.upperBound) }
        return value
    }

    func integer(_ name: String) -> Int {
        values[name].flatMap(Self.parseInteger) ?? 0
    }

    /// psql's ParseVariableNum (`PsetCommand.parseVariableNum`, which `\pset` shares).
    static func parseInteger(_ text: String) -> Int? {
        PsetCommand.parseVariableNum(text)
    }

    /// Names psql accepts: letters, digits and underscores (and any non-ASCII byte).
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.value >= 128 || $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// psql's ParseVariableBool: unique prefixes of on/off/true/false/yes/no, and 1/0.
    static func parseBoolean(_ text: String) -> Bool? {
        let value = text.lowercased()
        guard !value.isEmpty else { return nil }
        if value == "1" { return true }
        if value == "0" { return false }
        if "true".hasPrefix(value) || "yes".hasPrefix(value) { return true }
        if "false".hasPrefix(value) || "no".hasPrefix(value) { return false }
        if value.count >= 2 && "on".hasPrefix(value) { return true }
        if value.count >= 2 && "off".hasPrefix(value) { return false }
        return nil
    }

    /// Sorted `NAME = 'value'` lines, as `\set` without arguments lists them.
    var listing: [String] {
        values.keys.sorted().map { "\($0) = '\(values[$0]!)'" }
    }
}
