import Glibc

/// `\pset NAME [VALUE]`, `-P NAME[=VALUE]` and the shortcuts `\a \C \f \H \t \T \x`
/// (psql-compat.md §6.7): psql's `do_pset` and `printPsetInfo`. Functions return the message
/// psql would print (no trailing newline) instead of printing it; the Shell prints it unless
/// QUIET is on, and `-P` never prints.
///
/// psql's quirks are kept: options are matched exactly but `format`, `linestyle` and the
/// Unicode styles take case-insensitive prefixes; `border` and `columns` read numbers like C's
/// `atoi` (`\pset border x` sets 0), `pager_min_lines` like a variable (psql 18's
/// ParseVariableNum: `0x10` is 16, junk is refused); `footer`, `tuples_only` and
/// `numericlocale` given a value print nothing (only their toggles report); `fieldsep_zero` and
/// `recordsep_zero` ignore their value.
package enum PsetCommand {
    /// Applies `\pset name value` (value nil when omitted) and returns the report, or nil when
    /// psql prints none.
    package static func apply(
        name: String, value: String?, to options: inout PrintOptions
    ) throws(PsetError) -> String? {
        switch name {
        case "format":
            if let value { options.format = try format(named: value) }
        case "linestyle":
            if let value {
                if isPrefix(value, of: "ascii") {
                    options.lineStyle = .ascii
                } else if isPrefix(value, of: "old-ascii") {
                    options.lineStyle = .oldASCII
                } else if isPrefix(value, of: "unicode") {
                    options.lineStyle = .unicode
                } else {
                    throw .unknownLineStyle
                }
            }
        case "unicode_border_linestyle":
            if let value { options.unicodeBorderLineStyle = try unicodeLineStyle(value, which: "border") }
        case "unicode_column_linestyle":
            if let value { options.unicodeColumnLineStyle = try unicodeLineStyle(value, which: "column") }
        case "unicode_header_linestyle":
            if let value { options.unicodeHeaderLineStyle = try unicodeLineStyle(value, which: "header") }
        case "border":
            // psql stores it in an unsigned short.
            if let value { options.border = Int(UInt16(truncatingIfNeeded: atoi(value))) }
        case "x", "expanded", "vertical":
            options.expanded = try onOff(
                value, name: name, on: .on, off: .off, or: "auto", .auto, toggled: options.expanded == .off ? .on : .off)
        case "csv_fieldsep":
            if let value {
                let bytes = Array(value.utf8)
                guard bytes.count == 1 else { throw .csvSeparatorNotOneByte }
                guard bytes[0] != UInt8(ascii: "\""), bytes[0] != 0x0A, bytes[0] != 0x0D else {
                    throw .csvSeparatorForbidden
                }
                options.csvFieldSeparator = bytes[0]
            }
        case "numericlocale":
            options.numericLocale = try boolean(value, name: name, toggling: options.numericLocale)
            if value != nil { return nil }
        case "null":
            if let value {
                options.nullDisplay = value
                options.nullDisplayIsSet = true
            }
        case "fieldsep":
            if let value { options.fieldSeparator = .text(value) }
        case "fieldsep_zero":
            options.fieldSeparator = .zero
        case "recordsep":
            if let value { options.recordSeparator = .text(value) }
        case "recordsep_zero":
            options.recordSeparator = .zero
        case "t", "tuples_only":
            options.tuplesOnly = try boolean(value, name: name, toggling: options.tuplesOnly)
            if value != nil { return nil }
        case "C", "title":
            options.title = value
        case "T", "tableattr":
            options.tableAttributes = value
        case "pager":
            options.pager = try onOff(
                value, name: name, on: .on, off: .off, or: "always", .always, toggled: options.pager == .on ? .off : .on)
        case "pager_min_lines":
            if let value {
                guard let lines = parseVariableNum(value) else { throw .integerExpected(name: name, value: value) }
                options.pagerMinLines = lines
            }
        case "footer":
            options.footer = try boolean(value, name: name, toggling: options.footer)
            if value != nil { return nil }
        case "columns":
            if let value { options.columns = Int(atoi(value)) }
        case "xheader_width":
            if let value { options.expandedHeaderWidth = try expandedHeaderWidth(value) }
        default:
            throw .unknownOption(name)
        }
        return report(name, in: options)
    }

    /// `-P NAME[=VALUE]` / `--pset`: splits at the first `=`; psql never reports these.
    package static func apply(assignment: String, to options: inout PrintOptions) throws(PsetError) {
        if let equals = assignment.firstIndex(of: "=") {
            _ = try apply(name: String(assignment[..<equals]),
                          value: String(assignment[assignment.index(after: equals)...]), to: &options)
        } else {
            _ = try apply(name: assignment, value: nil, to: &options)
        }
    }

    /// `\a`: aligned ↔ unaligned (any other format goes to aligned).
    package static func toggleAligned(_ options: inout PrintOptions) throws(PsetError) -> String? {
        try apply(name: "format", value: options.format == .aligned ? "unaligned" : "aligned", to: &options)
    }

    /// `\H`: html ↔ aligned.
    package static func toggleHTML(_ options: inout PrintOptions) throws(PsetError) -> String? {
        try apply(name: "format", value: options.format == .html ? "aligned" : "html", to: &options)
    }

    /// What `\pset NAME` reports for an option (psql's `printPsetInfo`); nil for unknown names.
    static func report(_ name: String, in options: PrintOptions) -> String? {
        switch name {
        case "border":
            return "Border style is \(options.border)."
        case "columns":
            return options.columns == 0 ? "Target width is unset." : "Target width is \(options.columns)."
        case "x", "expanded", "vertical":
            switch options.expanded {
            case .on: return "Expanded display is on."
            case .auto: return "Expanded display is used automatically."
            case .off: return "Expanded display is off."
            }
        case "csv_fieldsep":
            return "Field separator for CSV is \"\(String(decoding: [options.csvFieldSeparator], as: UTF8.self))\"."
        case "fieldsep":
            switch options.fieldSeparator {
            case .zero: return "Field separator is zero byte."
            case .text(let text): return "Field separator is \"\(text)\"."
            }
        case "fieldsep_zero":
            return "Field separator is zero byte."
        case "footer":
            return options.footer ? "Default footer is on." : "Default footer is off."
        case "format":
            return "Output format is \(options.format.name)."
        case "linestyle":
            return "Line style is \(options.lineStyle.rawValue)."
        case "null":
            return "Null display is \"\(options.nullDisplay)\"."
        case "numericlocale":
            return options.numericLocale
                ? "Locale-adjusted numeric output is on." : "Locale-adjusted numeric output is off."
        case "pager":
            switch options.pager {
            case .on: return "Pager is used for long output."
            case .always: return "Pager is always used."
            case .off: return "Pager usage is off."
            }
        case "pager_min_lines":
            let lines = options.pagerMinLines
            return "Pager won't be used for less than \(lines) \(lines == 1 ? "line" : "lines")."
        case "recordsep":
            switch options.recordSeparator {
            case .zero: return "Record separator is zero byte."
            case .text("\n"): return "Record separator is <newline>."
            case .text(let text): return "Record separator is \"\(text)\"."
            }
        case "recordsep_zero":
            return "Record separator is zero byte."
        case "T", "tableattr":
            return options.tableAttributes.map { "Table attributes are \"\($0)\"." } ?? "Table attributes unset."
        case "C", "title":
            return options.title.map { "Title is \"\($0)\"." } ?? "Title is unset."
        case "t", "tuples_only":
            return options.tuplesOnly ? "Tuples only is on." : "Tuples only is off."
        case "unicode_border_linestyle":
            return "Unicode border line style is \"\(options.unicodeBorderLineStyle.rawValue)\"."
        case "unicode_column_linestyle":
            return "Unicode column line style is \"\(options.unicodeColumnLineStyle.rawValue)\"."
        case "unicode_header_linestyle":
            return "Unicode header line style is \"\(options.unicodeHeaderLineStyle.rawValue)\"."
        case "xheader_width":
            if case .exact(let width) = options.expandedHeaderWidth { return "Expanded header width is \(width)." }
            return "Expanded header width is \"\(value(name, in: options))\"."
        default:
            return nil
        }
    }

    /// The options bare `\pset` lists, in its order (also what the shell completions offer).
    package static let listedNames = [
        "border", "columns", "csv_fieldsep", "expanded", "fieldsep", "fieldsep_zero", "footer", "format",
        "linestyle", "null", "numericlocale", "pager", "pager_min_lines", "recordsep", "recordsep_zero",
        "tableattr", "title", "tuples_only", "unicode_border_linestyle", "unicode_column_linestyle",
        "unicode_header_linestyle", "xheader_width",
    ]

    /// Bare `\pset`: each option padded to 24 columns, a space, and its value in the form
    /// `\pset` accepts back (strings quoted, `'` and newline backslash-escaped). Ends with a
    /// newline after the last line.
    package static func listing(_ options: PrintOptions) -> String {
        var text = ""
        for name in listedNames {
            text += name.padding(to: 24) + " " + value(name, in: options) + "\n"
        }
        return text
    }

    /// psql's `pset_value_string`.
    static func value(_ name: String, in options: PrintOptions) -> String {
        func onOff(_ flag: Bool) -> String { flag ? "on" : "off" }
        switch name {
        case "border": return String(options.border)
        case "columns": return String(options.columns)
        case "csv_fieldsep": return quoted(String(decoding: [options.csvFieldSeparator], as: UTF8.self))
        case "expanded":
            switch options.expanded {
            case .auto: return "auto"
            case .on: return "on"
            case .off: return "off"
            }
        case "fieldsep":
            if case .text(let text) = options.fieldSeparator { return quoted(text) }
            return quoted("")
        case "fieldsep_zero": return onOff(options.fieldSeparator == .zero)
        case "footer": return onOff(options.footer)
        case "format": return options.format.name
        case "linestyle": return options.lineStyle.rawValue
        case "null": return quoted(options.nullDisplay)
        case "numericlocale": return onOff(options.numericLocale)
        case "pager": return String(options.pager.rawValue)
        case "pager_min_lines": return String(options.pagerMinLines)
        case "recordsep":
            if case .text(let text) = options.recordSeparator { return quoted(text) }
            return quoted("")
        case "recordsep_zero": return onOff(options.recordSeparator == .zero)
        case "tableattr": return options.tableAttributes.map(quoted) ?? ""
        case "title": return options.title.map(quoted) ?? ""
        case "tuples_only": return onOff(options.tuplesOnly)
        case "unicode_border_linestyle": return options.unicodeBorderLineStyle.rawValue
        case "unicode_column_linestyle": return options.unicodeColumnLineStyle.rawValue
        case "unicode_header_linestyle": return options.unicodeHeaderLineStyle.rawValue
        case "xheader_width":
            switch options.expandedHeaderWidth {
            case .full: return "full"
            case .column: return "column"
            case .page: return "page"
            case .exact(let width): return String(width)
            }
        default: return "ERROR"
        }
    }

    // MARK: - Parsing as psql does

    /// psql's `pset_quoted_string`.
    private static func quoted(_ text: String) -> String {
        var result = "'"
        for character in text.unicodeScalars {
            switch character {
            case "\n": result += "\\n"
            case "'": result += "\\'"
            default: result.unicodeScalars.append(character)
            }
        }
        return result + "'"
    }

    /// `pg_strncasecmp(name, value, strlen(value)) == 0`: value is an ASCII-case-insensitive
    /// prefix of name (the empty string is a prefix of everything).
    private static func isPrefix(_ value: String, of name: String) -> Bool {
        let value = Array(value.utf8), name = Array(name.utf8)
        guard value.count <= name.count else { return false }
        return zip(value, name).allSatisfy { asciiLower($0) == asciiLower($1) }
    }

    /// `pg_strcasecmp(value, word) == 0`.
    private static func equalsIgnoringCase(_ value: String, _ word: String) -> Bool {
        value.utf8.count == word.utf8.count && isPrefix(value, of: word)
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func format(named value: String) throws(PsetError) -> OutputFormat {
        var match: OutputFormat?
        for candidate in OutputFormat.psetChoices where candidate != .latexLongtable {
            guard isPrefix(value, of: candidate.name) else { continue }
            if let first = match {
                throw .ambiguousFormat(value, first: first.name, second: candidate.name)
            }
            match = candidate
        }
        // latex-longtable is tried last so that "latex" is not ambiguous.
        if match == nil && isPrefix(value, of: OutputFormat.latexLongtable.name) { match = .latexLongtable }
        guard let format = match else { throw .unknownFormat }
        return format
    }

    /// psql 16+'s `xheader_width`: the three keywords case-insensitively, else `atoi`, where 0
    /// (junk included) is refused.
    private static func expandedHeaderWidth(
        _ value: String
    ) throws(PsetError) -> PrintOptions.ExpandedHeaderWidth {
        if equalsIgnoringCase(value, "full") { return .full }
        if equalsIgnoringCase(value, "column") { return .column }
        if equalsIgnoringCase(value, "page") { return .page }
        let width = Int(atoi(value))
        guard width != 0 else { throw .unknownExpandedHeaderWidth }
        return .exact(width)
    }

    private static func unicodeLineStyle(
        _ value: String, which: String
    ) throws(PsetError) -> PrintOptions.UnicodeLineStyle {
        if isPrefix(value, of: "single") { return .single }
        if isPrefix(value, of: "double") { return .double }
        throw .unknownUnicodeLineStyle(which: which)
    }

    /// psql's `ParseVariableBool`: unique prefixes of true/false/yes/no, at least two letters of
    /// on/off, or 1/0, case-insensitively.
    static func boolean(_ value: String) -> Bool? {
        let length = value.utf8.count
        if length > 0 && isPrefix(value, of: "true") { return true }
        if length > 0 && isPrefix(value, of: "false") { return false }
        if length > 0 && isPrefix(value, of: "yes") { return true }
        if length > 0 && isPrefix(value, of: "no") { return false }
        if length >= 2 && isPrefix(value, of: "on") { return true }
        if length >= 2 && isPrefix(value, of: "off") { return false }
        if value == "1" { return true }
        if value == "0" { return false }
        return nil
    }

    /// do_pset's Boolean options (`footer`, `tuples_only`, `numericlocale`): a value read by
    /// ParseVariableBool, or with none the opposite of `current`.
    private static func boolean(_ value: String?, name: String, toggling current: Bool) throws(PsetError) -> Bool {
        guard let value else { return !current }
        guard let flag = boolean(value) else { throw .booleanExpected(name: name, value: value) }
        return flag
    }

    /// do_pset's reading of `expanded` and `pager`, which take a third word beside a Boolean
    /// (`auto`, `always`; in any case): anything else is refused with PsqlVarEnumError's list.
    /// With no value, `toggled`: each toggles its own way.
    private static func onOff<Setting>(
        _ value: String?, name: String, on: Setting, off: Setting, or word: String, _ third: Setting, toggled: Setting
    ) throws(PsetError) -> Setting {
        guard let value else { return toggled }
        if equalsIgnoringCase(value, word) { return third }
        guard let isOn = boolean(value) else {
            throw .valueNotInList(name: name, value: value, choices: "on, off, \(word)")
        }
        return isOn ? on : off
    }

    /// psql's ParseVariableNum: strtol with base 0 (so `0x10` and `010` too), whole text, int range.
    package static func parseVariableNum(_ text: String) -> Int? {
        text.withCString { start -> Int? in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let number = strtol(start, &end, 0)
            guard errno == 0, let end, end != UnsafeMutablePointer(mutating: start), end.pointee == 0,
                  let value = Int32(exactly: number) else { return nil }
            return Int(value)
        }
    }

    /// C's `atoi` as glibc implements it: `(int) strtol(value, NULL, 10)` — leading white space,
    /// a sign, digits; anything else ends the number; overflow saturates, then truncates to 32
    /// bits.
    static func atoi(_ value: String) -> Int32 {
        CDecimalPrefix(value).atoi
    }
}

extension String {
    /// Pads with spaces to `width` characters, as `printf("%-24s")` pads ASCII names.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
