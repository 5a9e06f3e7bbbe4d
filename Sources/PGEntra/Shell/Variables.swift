#if canImport(Glibc)
import Glibc
#endif

/// psql's variables (`\set`, `-v`, `:name`), with the special ones validated as psql does
/// (psql-compat.md §10): a bad value is refused with psql's message and the old value kept.
public struct Variables: Sendable {
    private(set) var values: [String: String]

    public init() {
        values = Self.defaults
    }

    static let defaults: [String: String] = [
        "AUTOCOMMIT": "on", "COMP_KEYWORD_CASE": "preserve-upper", "ECHO": "none", "ECHO_HIDDEN": "off",
        "FETCH_COUNT": "0", "HISTCONTROL": "none", "HISTSIZE": "500", "IGNOREEOF": "0",
        "ON_ERROR_ROLLBACK": "off", "ON_ERROR_STOP": "off", "PROMPT1": "%/%R%x%# ", "PROMPT2": "%/%R%x%# ",
        "PROMPT3": ">> ", "QUIET": "off", "SHOW_ALL_RESULTS": "on", "SHOW_CONTEXT": "errors",
        "SINGLELINE": "off", "SINGLESTEP": "off", "VERBOSITY": "default",
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
    static let booleans: Set<String> = ["AUTOCOMMIT", "ON_ERROR_STOP", "QUIET", "SHOW_ALL_RESULTS", "SINGLELINE", "SINGLESTEP"]
    static let integers: Set<String> = ["FETCH_COUNT", "HISTSIZE"]

    public enum Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        case name(String)
        case value(name: String, value: String, expected: String)
        case integer(name: String, value: String)
        case choice(name: String, value: String, allowed: [String])

        public var description: String {
            switch self {
            case .name(let name): "invalid variable name: \"\(name)\""
            case .value(let name, let value, let expected): "unrecognized value \"\(value)\" for \"\(name)\": \(expected)"
            case .integer(let name, let value): "invalid value \"\(value)\" for \"\(name)\": integer expected"
            case .choice(let name, let value, let allowed):
                "unrecognized value \"\(value)\" for \"\(name)\"\nAvailable values are: \(allowed.joined(separator: ", "))."
            }
        }
    }

    public subscript(_ name: String) -> String? { values[name] }

    /// Sets `name`; nil unsets it (a special variable reverts to its default, as in psql).
    public mutating func set(_ name: String, _ value: String?) throws(Invalid) {
        guard Self.isValidName(name) else { throw .name(name) }
        guard let value else {
            values[name] = Self.defaults[name]
            return
        }
        if Self.booleans.contains(name) {
            guard Self.parseBoolean(value) != nil else {
                throw .value(name: name, value: value, expected: "Boolean expected")
            }
        } else if Self.integers.contains(name) {
            guard Self.parseInteger(value) != nil else { throw .integer(name: name, value: value) }
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

    public func bool(_ name: String) -> Bool {
        values[name].flatMap(Self.parseBoolean) ?? false
    }

    public func integer(_ name: String) -> Int {
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
    public static func parseBoolean(_ text: String) -> Bool? {
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
    public var listing: [String] {
        values.keys.sorted().map { "\($0) = '\(values[$0]!)'" }
    }
}
